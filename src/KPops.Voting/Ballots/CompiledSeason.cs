using System.Collections.Frozen;
using KPops.Format.Model;
using KPops.Format.Ranking;
using KPops.Voting.Entries;

namespace KPops.Voting.Ballots;

/// <summary>
/// A season indexed for the ballot path: trainees, rounds, segments, groups, evaluations and announcements
/// get dense indices (their position in the season file, which is what log entries store), and each round's
/// rule is flattened into a <see cref="CompiledRound"/>. Immutable and safe to share between threads.
/// </summary>
public sealed class CompiledSeason
{
    private readonly FrozenDictionary<string, int> _trainees;
    private readonly FrozenDictionary<string, int> _roundIds;
    private readonly FrozenDictionary<string, int> _segments;
    private readonly FrozenDictionary<string, int> _groups;
    private readonly FrozenDictionary<string, int> _evaluations;
    private readonly FrozenDictionary<string, int> _announcements;
    private readonly ushort[] _traineeGroup;
    private readonly ushort[] _traineeHomeSegment;
    private readonly CompiledRound[] _compiledRounds;

    public CompiledSeason(Season season)
    {
        ArgumentNullException.ThrowIfNull(season);
        Season = season;
        if (season.Trainees.Count >= EntryFormat.NoIndex || season.Rounds.Count >= EntryFormat.NoIndex
            || season.Segments.Count >= EntryFormat.NoIndex || season.Evaluations.Count >= EntryFormat.NoIndex
            || season.Announcements.Count >= EntryFormat.NoIndex || season.Groups.Count >= EntryFormat.NoIndex)
        {
            ThrowHelper.InvalidSeason("A season lists at most 65,534 of each kind of thing.");
        }

        _trainees = Index(season.Trainees.Select(t => t.Id));
        _roundIds = Index(season.Rounds.Select(r => r.Id));
        SegmentIds = season.Segments.Count == 0 ? [Segment.Default] : season.Segments.Select(s => s.Id).ToArray();
        _segments = Index(SegmentIds);
        _groups = Index(season.Groups.Select(g => g.Id));
        _evaluations = Index(season.Evaluations.Select(e => e.Id));
        _announcements = Index(season.Announcements.Select(a => a.Id));
        _traineeGroup = season.Trainees.Select(t => IndexOrNone(_groups, t.Group)).ToArray();
        _traineeHomeSegment = season.Trainees.Select(t => IndexOrNone(_segments, t.HomeSegment)).ToArray();
        Calendar = new PeriodCalendar(TimeZoneInfo.FindSystemTimeZoneById(season.TimeZone));
        _compiledRounds = season.Rounds.Select((r, i) => new CompiledRound(i, r, this)).ToArray();
        MaxChannelCount = _compiledRounds.Length == 0 ? 1 : _compiledRounds.Max(r => r.ChannelCount);
        NobodyEligible = new ulong[EligibilityWords];
    }

    public Season Season { get; }
    public PeriodCalendar Calendar { get; }
    public int TraineeCount => _traineeGroup.Length;
    public int RoundCount => _compiledRounds.Length;
    public int SegmentCount => SegmentIds.Count;
    public int GroupCount => _groups.Count;
    public int MaxChannelCount { get; }

    /// <summary>Segment ids in index order; one implicit <see cref="Segment.Default"/> when the season has none.</summary>
    public IReadOnlyList<string> SegmentIds { get; }

    public IReadOnlyList<CompiledRound> Rounds => _compiledRounds;

    /// <summary>An all-clear eligibility bitmap, for rounds whose pool is not known yet.</summary>
    internal ulong[] NobodyEligible { get; }

    /// <summary>Words per eligibility bitmap: one bit per trainee.</summary>
    public int EligibilityWords => (TraineeCount + 63) >> 6;

    public CompiledRound Round(int index) => _compiledRounds[index];

    public bool TryGetTrainee(string id, out int index) => _trainees.TryGetValue(id, out index);
    public bool TryGetRound(string id, out int index) => _roundIds.TryGetValue(id, out index);
    public bool TryGetSegment(string id, out int index) => _segments.TryGetValue(id, out index);
    public bool TryGetEvaluation(string id, out int index) => _evaluations.TryGetValue(id, out index);
    public bool TryGetAnnouncement(string id, out int index) => _announcements.TryGetValue(id, out index);

    public int TraineeIndex(string id) => _trainees.TryGetValue(id, out var index) ? index : Unknown("trainee", id);
    public int RoundIndex(string id) => _roundIds.TryGetValue(id, out var index) ? index : Unknown("round", id);
    public int SegmentIndex(string id) => _segments.TryGetValue(id, out var index) ? index : Unknown("segment", id);
    public int GroupIndex(string id) => _groups.TryGetValue(id, out var index) ? index : Unknown("group", id);
    public int AnnouncementIndex(string id) => _announcements.TryGetValue(id, out var index) ? index : Unknown("announcement", id);

    public string TraineeId(int index) => Season.Trainees[index].Id;

    /// <summary>Group index of a trainee, or <see cref="EntryFormat.NoIndex"/>.</summary>
    public ushort GroupOf(int trainee) => _traineeGroup[trainee];

    /// <summary>Home segment index of a trainee, or <see cref="EntryFormat.NoIndex"/>.</summary>
    public ushort HomeSegmentOf(int trainee) => _traineeHomeSegment[trainee];

    /// <summary>The period a ballot cast at <paramref name="unixMs"/> counts against (see <see cref="Ballot.Period"/>).</summary>
    public int PeriodOf(int round, long unixMs) =>
        _compiledRounds[round].PeriodKind == PeriodKind.Day ? Calendar.DayNumber(unixMs) : 0;

    /// <summary>
    /// The ballot as the server accepts it: stamped with <paramref name="clock"/>'s current time and the
    /// period that time falls in. Every rule about time (the round's window, the daily quota) is then judged
    /// from this stamp, live and on replay alike; the client's clock plays no part.
    /// </summary>
    public Ballot Stamp(in Ballot ballot, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var period = ballot.Round < RoundCount ? PeriodOf(ballot.Round, now) : 0;
        return ballot with { ServerTimeMs = now, Period = period };
    }

    /// <summary>
    /// The bitmap of trainees an <see cref="Eligibility"/> names, resolved by KPops.Format's
    /// <see cref="EligibilityResolver"/> so that "who may be voted for" follows the same rules as "who is
    /// ranked". <paramref name="earlier"/> holds the published announcements a survivorsOf pool draws on.
    /// </summary>
    public ulong[] ResolveEligibility(Eligibility eligibility, IReadOnlyDictionary<string, AnnouncementResult> earlier)
    {
        var bits = new ulong[EligibilityWords];
        foreach (var id in EligibilityResolver.Resolve(Season, eligibility, earlier))
        {
            var index = TraineeIndex(id);
            bits[index >> 6] |= 1UL << index;
        }

        return bits;
    }

    private static FrozenDictionary<string, int> Index(IEnumerable<string> ids)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!map.TryAdd(id, map.Count))
            {
                ThrowHelper.InvalidSeason($"The id '{id}' is used twice.");
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static ushort IndexOrNone(FrozenDictionary<string, int> map, string? id) =>
        id is not null && map.TryGetValue(id, out var index) ? (ushort)index : EntryFormat.NoIndex;

    private static int Unknown(string kind, string id)
    {
        ThrowHelper.UnknownId(kind, id);
        return -1;
    }
}
