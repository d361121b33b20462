using KPops.Format.Model;
using KPops.Format.Ranking;

namespace KPops.Format.Simulation;

/// <summary>
/// One ballot at a time for one round, filled the way <see cref="SeasonSimulator"/>'s fans fill theirs (a fan base
/// with segments and favourites, popularity-weighted picks that keep the round's rule), for live synthetic traffic
/// such as <c>kpops demo --traffic</c>. Where the simulator only counts votes, this hands out the ballots themselves.
/// Deterministic for a seed; not thread-safe.
/// </summary>
public sealed class FanBallotSampler
{
    private readonly SeasonIndex _index;
    private readonly RoundPlan _plan;
    private readonly FanBase _fans;
    private readonly Random _random;
    private readonly int[] _groupCounts;

    /// <param name="season">The season (validated).</param>
    /// <param name="roundId">The round the ballots are for; its eligibility is resolved as before any announcement.</param>
    /// <param name="fans">Size of the simulated fan base the ballots come from.</param>
    /// <param name="seed">Random seed, as for <c>kpops simulate</c>.</param>
    public FanBallotSampler(Season season, string roundId, int fans = 10_000, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(season);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fans);
        Round round = season.Rounds.FirstOrDefault(r => string.Equals(r.Id, roundId, StringComparison.Ordinal))
            ?? throw new ArgumentException($"The season has no round '{roundId}'.", nameof(roundId));
        _index = new SeasonIndex(season);
        var popularity = new TraineePopularity(_index.Trainees, _index.Segments, StableSeed.Stream(seed, "popularity"));
        _fans = new FanBase(fans, _index.Segments, StableSeed.Stream(seed, "fans"));
        var eligible = EligibilityResolver.Resolve(season, round.Eligible, new Dictionary<string, AnnouncementResult>());
        _plan = new RoundPlan(_index, round, eligible, popularity, TimeZoneInfo.FindSystemTimeZoneById(season.TimeZone));
        _random = StableSeed.Stream(seed, "live", roundId);
        _groupCounts = new int[round.Ballot.GroupConstraints.Count];
    }

    /// <summary>The most picks a ballot of the round may hold: the size <see cref="Next"/> needs.</summary>
    public int MaxPicks => Math.Max(1, _plan.Rule.MaxPicks);

    /// <summary>Trainee ids by the indices <see cref="Next"/> writes (season order).</summary>
    public IReadOnlyList<string> TraineeIds => _index.TraineeIds;

    /// <summary>Segment ids by the index <see cref="Next"/> returns (the implicit default segment when the season has none).</summary>
    public IReadOnlyList<string> SegmentIds => _index.SegmentIds;

    /// <summary>
    /// A random fan's ballot: writes trainee indices into <paramref name="picks"/> (at least <see cref="MaxPicks"/>
    /// long) and returns how many, or 0 when that fan has no valid ballot; <paramref name="segment"/> is the fan's.
    /// </summary>
    public int Next(Span<int> picks, out int segment)
    {
        int fan = _random.Next(_fans.Count);
        segment = _fans.Segment[fan];
        if (_fans.Bias[fan] < 0 || !_plan.Allowed[segment, _fans.Bias[fan]])
        {
            _fans.Bias[fan] = _plan.AllowedCount[segment] > 0 ? _plan.Eligible[_random.NextWeighted(_plan.Cumulative[segment])] : -1;
        }

        return BallotPicker.Pick(_plan, segment, _fans.Bias[fan], _random, picks, _groupCounts);
    }
}
