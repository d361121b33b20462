using System.Globalization;
using KPops.Voting.Entries;

namespace KPops.Server.Integrity.Detectors;

/// <summary>
/// A new-account cohort voting in lockstep: among the voters whose accounts were created in the same minute, at least
/// <see cref="CohortOptions.MinIdenticalVoters"/> cast the identical ballot (same picks, in any order) in one round,
/// and they are at least <see cref="CohortOptions.MinIdenticalShare"/> of that cohort's voters in the round. A
/// sign-up surge after a broadcast is many people with many favourites; accounts made by one script vote alike.
/// A cohort is watched for <see cref="CohortOptions.WindowSeconds"/> after its minute; each voter counts once, with
/// their first ballot of the round.
/// </summary>
internal sealed class NewAccountCohortDetector(CohortOptions options, int maxKeys, IAlertSink sink) : IBallotDetector
{
    // A minute's cohort rarely has more voters than this; past it new voters are not followed (counted as untracked).
    private const int MaxVotersPerCohort = 20_000;
    private const int MaxBallotShapes = 1_024;

    private readonly long _windowMs = options.WindowSeconds * 1000L;
    private readonly KeyedStates<(ushort, long), Cohort> _cohorts = new(maxKeys, options.WindowSeconds * 1000L, () => new Cohort());

    public long Untracked => _cohorts.Untracked;

    public void Observe(in ObservedBallot ballot)
    {
        if (ballot.CreatedMinute < 0
            || ballot.TimeMs - (ballot.CreatedMinute * 60_000) > _windowMs
            || _cohorts.GetOrAdd((ballot.Round, ballot.CreatedMinute), ballot.TimeMs) is not { } cohort)
        {
            return;
        }

        cohort.LastSeenMs = Math.Max(cohort.LastSeenMs, ballot.TimeMs);
        if (cohort.FirstPicks.TryGetValue(ballot.Voter, out var first))
        {
            // A later ballot of a known voter (daily rounds): part of the alert if it repeats the cohort's ballot.
            if (first == ballot.PicksHash && cohort.Hot.Contains(first))
            {
                Report(cohort, ballot, [ballot]);
            }

            return;
        }

        if (cohort.FirstPicks.Count >= MaxVotersPerCohort
            || (!cohort.ByPicks.ContainsKey(ballot.PicksHash) && cohort.ByPicks.Count >= MaxBallotShapes))
        {
            return;
        }

        cohort.FirstPicks.Add(ballot.Voter, ballot.PicksHash);
        if (!cohort.ByPicks.TryGetValue(ballot.PicksHash, out var same))
        {
            same = [];
            cohort.ByPicks.Add(ballot.PicksHash, same);
        }

        same.Add(ballot);
        var share = (double)same.Count / cohort.FirstPicks.Count;
        if (same.Count < options.MinIdenticalVoters || share < options.MinIdenticalShare)
        {
            cohort.Hot.Remove(ballot.PicksHash);
            return;
        }

        Report(cohort, ballot, cohort.Hot.Add(ballot.PicksHash) ? same.ToArray() : [ballot]);
    }

    private void Report(Cohort cohort, in ObservedBallot ballot, ReadOnlySpan<ObservedBallot> ballots)
    {
        var minute = DateTimeOffset.FromUnixTimeMilliseconds(ballot.CreatedMinute * 60_000).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var same = cohort.ByPicks[ballot.PicksHash].Count;
        var explanation = $"{same} of the {cohort.FirstPicks.Count} voters whose accounts were created in the minute {minute} UTC cast the identical ballot (thresholds: {options.MinIdenticalVoters} voters, {options.MinIdenticalShare:P0} of the cohort).";
        sink.Report(DetectorCodes.NewAccountCohort, $"accounts created {minute} UTC, ballot {ballot.PicksHash:x16}", ballot.Round, explanation, ballots);
    }

    private sealed class Cohort : ITrackedState
    {
        public long LastSeenMs { get; set; } = long.MinValue;

        public Dictionary<VoterPseudonym, ulong> FirstPicks { get; } = [];

        public Dictionary<ulong, List<ObservedBallot>> ByPicks { get; } = [];

        public HashSet<ulong> Hot { get; } = [];
    }
}
