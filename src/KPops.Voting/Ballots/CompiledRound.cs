using KPops.Format.Model;
using KPops.Voting.Entries;

namespace KPops.Voting.Ballots;

/// <summary>
/// A round's ballot rule flattened into arrays indexed by channel and group, so that checking a ballot's
/// shape is a few array reads per pick.
/// </summary>
public sealed class CompiledRound
{
    private readonly int[] _ballotsPerPeriod;
    private readonly int[] _votesPerPick;
    private readonly int[] _groupMin;
    private readonly int[] _groupMax;

    // The rule's fields copied out of the model records, so the per-pick loop reads plain fields.
    private readonly int _minPicks;
    private readonly int _maxPicks;
    private readonly bool _distinct;
    private readonly bool _excludeOwnSegment;

    internal CompiledRound(int index, Round round, CompiledSeason season)
    {
        Index = index;
        Round = round;
        var rule = round.Ballot;
        if (rule.MaxPicks > BallotPicks.Capacity || rule.MaxPicks < 1 || rule.MinPicks < 0 || rule.MinPicks > rule.MaxPicks)
        {
            ThrowHelper.InvalidSeason($"Round '{round.Id}': picks must be between 0 and {BallotPicks.Capacity}, min ≤ max.");
        }

        OpensAtMs = round.OpensAt.ToUnixTimeMilliseconds();
        ClosesAtMs = round.ClosesAt.ToUnixTimeMilliseconds();
        var channels = rule.Channels.Count == 0 ? [new Channel { Id = Channel.Default }] : rule.Channels;
        if (channels.Count > byte.MaxValue)
        {
            ThrowHelper.InvalidSeason($"Round '{round.Id}' has more than {byte.MaxValue} channels.");
        }

        ChannelIds = channels.Select(c => c.Id).ToArray();
        _ballotsPerPeriod = channels.Select(c => c.BallotsPerPeriod ?? rule.BallotsPerPeriod).ToArray();
        _votesPerPick = channels.Select(c => c.VotesPerPick).ToArray();
        _groupMin = new int[season.GroupCount];
        _groupMax = Enumerable.Repeat(int.MaxValue, season.GroupCount).ToArray();
        foreach (var constraint in rule.GroupConstraints)
        {
            var group = season.GroupIndex(constraint.Group);
            _groupMin[group] = constraint.Min;
            _groupMax[group] = constraint.Max ?? int.MaxValue;
        }

        HasGroupConstraints = rule.GroupConstraints.Count > 0;
        TraineeCap = rule.MaxVotesPerTrainee ?? 0;
        _minPicks = rule.MinPicks;
        _maxPicks = rule.MaxPicks;
        _distinct = rule.Distinct;
        _excludeOwnSegment = rule.ExcludeOwnSegment;
        PeriodKind = rule.Period;
    }

    public int Index { get; }
    public Round Round { get; }
    public string Id => Round.Id;
    public long OpensAtMs { get; }
    public long ClosesAtMs { get; }
    public IReadOnlyList<string> ChannelIds { get; }
    public int ChannelCount => _votesPerPick.Length;
    public bool HasGroupConstraints { get; }

    /// <summary>Votes one voter may give one trainee per period and channel; 0 = no cap.</summary>
    public int TraineeCap { get; }

    public PeriodKind PeriodKind { get; }

    public int BallotsPerPeriod(int channel) => _ballotsPerPeriod[channel];

    public int VotesPerPick(int channel) => _votesPerPick[channel];

    public int ChannelIndex(string channelId) => Array.IndexOf((string[])ChannelIds, channelId);

    /// <summary>
    /// The checks that need only the season and the round's eligibility: picks, groups, segments, channels.
    /// Allocation-free; <paramref name="eligible"/> is the round's bitmap over trainee indices.
    /// </summary>
    public BallotCheck CheckShape(in Ballot ballot, CompiledSeason season, ReadOnlySpan<ulong> eligible)
    {
        if (ballot.Channel >= ChannelCount)
        {
            return BallotCheck.UnknownChannel;
        }

        if (ballot.Segment >= season.SegmentCount)
        {
            return BallotCheck.UnknownSegment;
        }

        var picks = ballot.Picks;
        if (picks.Length < _minPicks)
        {
            return BallotCheck.TooFewPicks;
        }

        if (picks.Length > _maxPicks)
        {
            return BallotCheck.TooManyPicks;
        }

        var traineeCount = season.TraineeCount;
        for (var i = 0; i < picks.Length; i++)
        {
            var trainee = picks[i];
            if (trainee >= traineeCount)
            {
                return BallotCheck.UnknownTrainee;
            }

            if (_distinct && picks[..i].Contains(trainee))
            {
                return BallotCheck.DuplicatePick;
            }

            if ((eligible[trainee >> 6] & (1UL << trainee)) == 0)
            {
                return BallotCheck.NotEligible;
            }

            if (_excludeOwnSegment && season.HomeSegmentOf(trainee) == ballot.Segment)
            {
                return BallotCheck.OwnSegment;
            }
        }

        return HasGroupConstraints ? CheckGroups(picks, season) : BallotCheck.Accepted;
    }

    private BallotCheck CheckGroups(ReadOnlySpan<ushort> picks, CompiledSeason season)
    {
        Span<int> perGroup = stackalloc int[_groupMin.Length];
        perGroup.Clear();
        foreach (var trainee in picks)
        {
            var group = season.GroupOf(trainee);
            if (group != EntryFormat.NoIndex)
            {
                perGroup[group]++;
            }
        }

        for (var group = 0; group < perGroup.Length; group++)
        {
            if (perGroup[group] < _groupMin[group])
            {
                return BallotCheck.GroupMin;
            }

            if (perGroup[group] > _groupMax[group])
            {
                return BallotCheck.GroupMax;
            }
        }

        return BallotCheck.Accepted;
    }
}
