using KPops.Voting.Entries;

namespace KPops.Audit.Flow;

/// <summary>
/// Accepted ballots over time, per round and segment, in one-minute buckets (UTC), as the audit streamed them;
/// quarantined ballots are counted again in their own buckets. Renderers re-bin the minutes to fit a chart.
/// </summary>
public sealed class VoteFlow
{
    /// <summary>Most minutes one series spans (about two years); ballots beyond are counted in <see cref="VoteSeries.OutOfRange"/>.</summary>
    public const int MaxMinutes = 1 << 20;

    private readonly Dictionary<(ushort Round, ushort Segment), VoteSeries> _series = [];
    private readonly List<QuarantineRecord> _quarantines = [];

    /// <summary>Every series with at least one ballot, by round then segment index.</summary>
    public IReadOnlyList<VoteSeries> Series => [.. _series.Values.OrderBy(s => s.Round).ThenBy(s => s.Segment)];

    /// <summary>The quarantine entries met in the log, in order.</summary>
    public IReadOnlyList<QuarantineRecord> Quarantines => _quarantines;

    internal VoteSeries For(ushort round, ushort segment)
    {
        if (!_series.TryGetValue((round, segment), out var series))
        {
            series = new VoteSeries(round, segment);
            _series.Add((round, segment), series);
        }

        return series;
    }

    internal void Add(QuarantineRecord quarantine) => _quarantines.Add(quarantine);
}

/// <summary>One round's ballots from one segment, per minute.</summary>
public sealed class VoteSeries(ushort round, ushort segment)
{
    private long[] _ballots = new long[64];
    private long[] _quarantined = [];
    private long _firstMinute = long.MinValue;

    public ushort Round { get; } = round;

    public ushort Segment { get; } = segment;

    /// <summary>The first minute (Unix minutes) any ballot fell in; <see cref="long.MinValue"/> while empty.</summary>
    public long FirstMinute => _firstMinute;

    /// <summary>Minutes from <see cref="FirstMinute"/> to the last one with a ballot, inclusive.</summary>
    public int Minutes { get; private set; }

    public long Ballots { get; private set; }

    public long Quarantined { get; private set; }

    /// <summary>Ballots whose time fell too far from the series' first minute to be bucketed.</summary>
    public long OutOfRange { get; private set; }

    /// <summary>Ballots in minute <paramref name="offset"/> after <see cref="FirstMinute"/>.</summary>
    public long BallotsAt(int offset) => offset < _ballots.Length ? _ballots[offset] : 0;

    public long QuarantinedAt(int offset) => offset < _quarantined.Length ? _quarantined[offset] : 0;

    internal void Count(long timeMs)
    {
        if (Slot(timeMs, ref _ballots) is { } slot)
        {
            _ballots[slot]++;
            Ballots++;
        }
        else
        {
            OutOfRange++;
        }
    }

    internal void CountQuarantined(long timeMs)
    {
        Quarantined++;
        if (Slot(timeMs, ref _quarantined) is { } slot)
        {
            _quarantined[slot]++;
        }
    }

    private int? Slot(long timeMs, ref long[] buckets)
    {
        var minute = Math.DivRem(timeMs, 60_000, out var rest) - (rest < 0 ? 1 : 0);
        if (_firstMinute == long.MinValue)
        {
            _firstMinute = minute;
        }

        if (minute < _firstMinute)
        {
            // Logs are in server-time order, so this is rare: shift every series bucket right.
            var shift = _firstMinute - minute;
            if (shift + Minutes > VoteFlow.MaxMinutes)
            {
                return null;
            }

            _ballots = Shift(_ballots, (int)shift);
            _quarantined = _quarantined.Length == 0 ? [] : Shift(_quarantined, (int)shift);
            _firstMinute = minute;
            Minutes += (int)shift;
        }

        var offset = minute - _firstMinute;
        if (offset >= VoteFlow.MaxMinutes)
        {
            return null;
        }

        if (offset >= buckets.Length)
        {
            Array.Resize(ref buckets, (int)Math.Min(VoteFlow.MaxMinutes, Math.Max(offset + 1, buckets.Length * 2L)));
        }

        Minutes = Math.Max(Minutes, (int)offset + 1);
        return (int)offset;
    }

    private static long[] Shift(long[] buckets, int by)
    {
        var shifted = new long[buckets.Length + by];
        buckets.CopyTo(shifted, by);
        return shifted;
    }
}

/// <summary>A quarantine entry as the audit saw it: what it covers, why, and how many ballots it took out of the count.</summary>
/// <param name="EntryIndex">The quarantine entry's index.</param>
/// <param name="Reason">Its reason code.</param>
/// <param name="Target">What it names (entries, a range, a voter).</param>
/// <param name="Note">Its public note.</param>
/// <param name="BallotsNamed">Ballot entries it names by index (0 for a voter quarantine).</param>
public sealed record QuarantineRecord(long EntryIndex, QuarantineReason Reason, string Target, string Note, long BallotsNamed);
