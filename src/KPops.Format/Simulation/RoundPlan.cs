using KPops.Format.Model;

namespace KPops.Format.Simulation;

/// <summary>
/// Everything about one round that the fan loop needs, computed once: how many voting periods it has, which
/// trainees each segment may pick and with what weight, the group constraints and the channels.
/// </summary>
internal sealed class RoundPlan
{
    /// <summary>Chance that a fan who has more than one channel also uses a secondary one.</summary>
    private const double SecondaryChannelUse = 0.35;

    public RoundPlan(SeasonIndex index, Round round, IReadOnlyCollection<string> eligibleIds, TraineePopularity popularity, TimeZoneInfo zone)
    {
        Round = round;
        Rule = round.Ballot;
        Periods = Rule.Period == PeriodKind.Day ? CountDays(round, zone) : 1;
        Channels = Rule.Channels.Count == 0
            ? [new PlannedChannel(Channel.Default, Rule.BallotsPerPeriod, 1, 1.0)]
            : [.. Rule.Channels.Select((c, i) => new PlannedChannel(c.Id, c.BallotsPerPeriod ?? Rule.BallotsPerPeriod, c.VotesPerPick, i == 0 ? 1.0 : SecondaryChannelUse))];

        var eligibleSet = eligibleIds.ToHashSet(StringComparer.Ordinal);
        Eligible = [.. Enumerable.Range(0, index.Trainees).Where(t => eligibleSet.Contains(index.TraineeIds[t]))];

        ConstraintOf = new int[index.Trainees];
        Array.Fill(ConstraintOf, -1);
        var constraints = Rule.GroupConstraints;
        foreach (var t in Eligible)
        {
            for (var c = 0; c < constraints.Count; c++)
            {
                if (string.Equals(constraints[c].Group, index.Group[t], StringComparison.Ordinal))
                {
                    ConstraintOf[t] = c;
                    break;
                }
            }
        }

        var segments = index.Segments;
        Allowed = new bool[segments, index.Trainees];
        AllowedCount = new int[segments];
        Cumulative = new double[segments][];
        ByPopularity = new int[segments][];
        GroupMembers = new int[segments][][];
        GroupCumulative = new double[segments][][];
        for (var s = 0; s < segments; s++)
        {
            var segment = s;
            bool Excluded(int t) => Rule.ExcludeOwnSegment && index.HomeSegment[t] == segment;
            var allowed = Eligible.Where(t => !Excluded(t)).ToArray();
            foreach (var t in allowed)
            {
                Allowed[s, t] = true;
            }

            AllowedCount[s] = allowed.Length;
            Cumulative[s] = popularity.Cumulative(Eligible, s, Excluded);
            ByPopularity[s] = [.. allowed.OrderByDescending(t => popularity.Weight(t, segment)).ThenBy(t => t)];
            GroupMembers[s] = new int[constraints.Count][];
            GroupCumulative[s] = new double[constraints.Count][];
            for (var c = 0; c < constraints.Count; c++)
            {
                var constraint = c;
                GroupMembers[s][c] = [.. allowed.Where(t => ConstraintOf[t] == constraint)];
                GroupCumulative[s][c] = popularity.Cumulative(GroupMembers[s][c], s);
            }
        }

        MinimumPicks = Math.Max(Rule.MinPicks, constraints.Sum(c => c.Min));
    }

    public Round Round { get; }
    public BallotRule Rule { get; }

    /// <summary>Voting periods in the round: calendar days in the season's time zone, or 1 for a whole-round period.</summary>
    public int Periods { get; }

    public PlannedChannel[] Channels { get; }

    /// <summary>Indices of the eligible trainees, in season order.</summary>
    public int[] Eligible { get; }

    /// <summary>[segment, trainee]: whether a fan of that segment may pick the trainee in this round.</summary>
    public bool[,] Allowed { get; }

    public int[] AllowedCount { get; }

    /// <summary>Per segment: running popularity totals over <see cref="Eligible"/> (zero weight where not allowed).</summary>
    public double[][] Cumulative { get; }

    /// <summary>Per segment: allowed trainees from most to least popular, for the rare ballot random draws cannot complete.</summary>
    public int[][] ByPopularity { get; }

    /// <summary>Per trainee: the index of the group constraint that covers it, or -1.</summary>
    public int[] ConstraintOf { get; }

    /// <summary>[segment][constraint]: the allowed trainees of the constraint's group.</summary>
    public int[][][] GroupMembers { get; }

    /// <summary>[segment][constraint]: running popularity totals over <see cref="GroupMembers"/>.</summary>
    public double[][][] GroupCumulative { get; }

    /// <summary>The fewest picks a valid ballot can have, counting the group minimums.</summary>
    public int MinimumPicks { get; }

    private static int CountDays(Round round, TimeZoneInfo zone)
    {
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(round.OpensAt, zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(round.ClosesAt.AddTicks(-1), zone).DateTime);
        return Math.Max(1, last.DayNumber - first.DayNumber + 1);
    }
}

/// <summary>A channel as the fan loop sees it: its ballot cap, the votes each pick counts for, and how many fans use it.</summary>
internal sealed record PlannedChannel(string Id, int BallotsPerPeriod, int VotesPerPick, double UseChance);
