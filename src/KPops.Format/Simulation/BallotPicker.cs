namespace KPops.Format.Simulation;

/// <summary>
/// Fills one fan's ballot for a round the way fans do: the bias first, then the group minimums, then other
/// trainees drawn by popularity — never breaking the round's rule (eligibility, distinct picks, group limits,
/// no pick from one's own segment).
/// </summary>
internal static class BallotPicker
{
    /// <summary>Share of ballots that use every pick allowed; the others use a random smaller number.</summary>
    private const double FullBallotShare = 0.75;

    /// <summary>When picks may repeat (American Idol), the chance that each further pick goes to the bias again.</summary>
    private const double BiasDevotion = 0.6;

    /// <summary>Random draws tried per missing pick before falling back to the most popular allowed trainees.</summary>
    private const int DrawsPerPick = 8;

    /// <summary>Writes the picks (trainee indices, repeated where a trainee is picked more than once) and returns how many; 0 when no valid ballot exists.</summary>
    public static int Pick(RoundPlan plan, int segment, int bias, Random random, Span<int> picks, Span<int> groupCounts)
    {
        var rule = plan.Rule;
        var allowed = plan.AllowedCount[segment];
        var maxPicks = rule.Distinct ? Math.Min(rule.MaxPicks, allowed) : rule.MaxPicks;
        if (allowed == 0 || maxPicks < plan.MinimumPicks)
        {
            return 0;
        }

        var target = random.NextDouble() < FullBallotShare || maxPicks == rule.MinPicks
            ? maxPicks
            : random.Next(rule.MinPicks, maxPicks + 1);
        target = Math.Max(target, plan.MinimumPicks);

        groupCounts.Clear();
        var ballot = new BallotBuilder(plan, segment, picks, groupCounts);
        if (bias >= 0 && ballot.TryAdd(bias) && !rule.Distinct)
        {
            while (ballot.Count < target && random.NextDouble() < BiasDevotion)
            {
                if (!ballot.TryAdd(bias))
                {
                    break;
                }
            }
        }

        var constraints = rule.GroupConstraints;
        for (var c = 0; c < constraints.Count; c++)
        {
            var members = plan.GroupMembers[segment][c];
            if (members.Length == 0)
            {
                continue;
            }

            var cumulative = plan.GroupCumulative[segment][c];
            for (var draws = 0; groupCounts[c] < constraints[c].Min && draws < DrawsPerPick * constraints[c].Min; draws++)
            {
                ballot.TryAdd(members[random.NextWeighted(cumulative)]);
            }

            for (var i = 0; groupCounts[c] < constraints[c].Min && i < members.Length; i++)
            {
                ballot.TryAdd(members[i]);
            }

            if (groupCounts[c] < constraints[c].Min)
            {
                return 0;
            }
        }

        var eligible = plan.Eligible;
        for (var draws = 0; ballot.Count < target && draws < DrawsPerPick * target; draws++)
        {
            ballot.TryAdd(eligible[random.NextWeighted(plan.Cumulative[segment])]);
        }

        var byPopularity = plan.ByPopularity[segment];
        for (var i = 0; ballot.Count < target && i < byPopularity.Length; i++)
        {
            ballot.TryAdd(byPopularity[i]);
        }

        return ballot.Count >= rule.MinPicks ? ballot.Count : 0;
    }

    private ref struct BallotBuilder(RoundPlan plan, int segment, Span<int> picks, Span<int> groupCounts)
    {
        private readonly Span<int> _picks = picks;
        private readonly Span<int> _groupCounts = groupCounts;

        public int Count { get; private set; }

        public bool TryAdd(int trainee)
        {
            if (Count == _picks.Length || !plan.Allowed[segment, trainee])
            {
                return false;
            }

            if (plan.Rule.Distinct && _picks[..Count].Contains(trainee))
            {
                return false;
            }

            var constraint = plan.ConstraintOf[trainee];
            if (constraint >= 0)
            {
                if (plan.Rule.GroupConstraints[constraint].Max is { } max && _groupCounts[constraint] >= max)
                {
                    return false;
                }

                _groupCounts[constraint]++;
            }

            _picks[Count++] = trainee;
            return true;
        }
    }
}
