using KPops.Voting.Ballots;

namespace KPops.Server.Partners;

/// <summary>
/// The season's ids looked up by <see cref="ReadOnlySpan{T}"/> of chars, so that a batch's trainee, channel and
/// segment ids are resolved straight from the request bytes without a string per id. Built once per season.
/// </summary>
internal sealed class PartnerSeasonLookup
{
    private static PartnerSeasonLookup? _last;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _trainees;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _segments;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[] _channels;

    private PartnerSeasonLookup(CompiledSeason season)
    {
        Season = season;
        _trainees = IndexOf(season.Season.Trainees.Select(t => t.Id));
        _segments = IndexOf(season.SegmentIds);
        _channels = season.Rounds.Select(round => IndexOf(round.ChannelIds)).ToArray();
    }

    public CompiledSeason Season { get; }

    /// <summary>The lookup of <paramref name="season"/> (the server has one log season, so one is kept).</summary>
    public static PartnerSeasonLookup For(CompiledSeason season)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.Season, season))
        {
            return last;
        }

        var built = new PartnerSeasonLookup(season);
        Volatile.Write(ref _last, built);
        return built;
    }

    public bool TryGetTrainee(ReadOnlySpan<char> id, out int index) => _trainees.TryGetValue(id, out index);

    public bool TryGetSegment(ReadOnlySpan<char> id, out int index) => _segments.TryGetValue(id, out index);

    /// <summary>The channel's index in the round's <c>ballot.channels</c>, or -1.</summary>
    public int ChannelIndex(int round, ReadOnlySpan<char> id) => _channels[round].TryGetValue(id, out int index) ? index : -1;

    private static Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> IndexOf(IEnumerable<string> ids)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string id in ids)
        {
            map.TryAdd(id, map.Count);
        }

        return map.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
