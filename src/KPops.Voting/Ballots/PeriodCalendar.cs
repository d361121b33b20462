namespace KPops.Voting.Ballots;

/// <summary>
/// Maps server time to the voting day in the season's time zone ("once a day" means a local calendar day,
/// which in Asia/Seoul starts at 15:00 UTC). Called for every ballot, so zone offsets are cached per
/// 15-minute slice of UTC time — today every zone changes offset on a quarter hour — in a small lock-free table;
/// only a cache miss asks <see cref="TimeZoneInfo"/>.
/// </summary>
public sealed class PeriodCalendar
{
    private const long MsPerDay = 86_400_000;
    private const long MsPerSlice = 15 * 60_000;
    private const int CacheSize = 1024;
    private const int OffsetBias = 1 << 15;

    // One day inside DateTime's range on either side, so that no offset can push a time out of it.
    private static readonly long MinUnixMs = (DateTime.MinValue - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond + MsPerDay;
    private static readonly long MaxUnixMs = (DateTime.MaxValue - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond - MsPerDay;

    private readonly TimeZoneInfo _zone;

    // Each cell packs slice << 16 | (offset minutes + bias) into one long, so readers on other threads see
    // either an old or a new pair, never a torn one. Empty cells hold a slice far outside DateTime's range.
    private readonly long[] _cache = new long[CacheSize];

    public PeriodCalendar(TimeZoneInfo zone)
    {
        _zone = zone;
        Array.Fill(_cache, long.MinValue);
    }

    public TimeZoneInfo Zone => _zone;

    /// <summary>Days since 1970-01-01 of the local date at <paramref name="unixMs"/>.</summary>
    public int DayNumber(long unixMs)
    {
        var clamped = Math.Clamp(unixMs, MinUnixMs, MaxUnixMs);
        return (int)FloorDiv(clamped + (OffsetMinutes(clamped) * 60_000L), MsPerDay);
    }

    /// <summary>The local date a day number stands for (for display and reports).</summary>
    public static DateOnly DateOf(int dayNumber) => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + dayNumber);

    public int OffsetMinutes(long unixMs)
    {
        var slice = FloorDiv(Math.Clamp(unixMs, MinUnixMs, MaxUnixMs), MsPerSlice);
        ref var cell = ref _cache[(int)(slice & (CacheSize - 1))];
        var cached = Volatile.Read(ref cell);
        if (cached >> 16 == slice)
        {
            return (int)(cached & 0xFFFF) - OffsetBias;
        }

        var offset = (int)_zone.GetUtcOffset(DateTime.UnixEpoch.AddMilliseconds(slice * MsPerSlice)).TotalMinutes;
        Volatile.Write(ref cell, (slice << 16) | (long)(offset + OffsetBias));
        return offset;
    }

    private static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return value % divisor < 0 ? quotient - 1 : quotient;
    }
}
