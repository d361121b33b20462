namespace KPops.Format.Simulation;

/// <summary>
/// Simulates every fan's voting in one round. Instead of materialising ballots it works per fan: the fan's
/// picks for the round, the number of days they vote (a binomial draw from their habit) and the ballots per
/// day they use on each channel; the resulting votes are added once per fan to a dense tally
/// [trainee, segment, channel]. That keeps 100,000 fans over a whole season to a fraction of a second.
/// </summary>
internal static class RoundVoting
{
    /// <summary>How often (in fans) progress is reported.</summary>
    private const int ProgressStride = 8192;

    public static RoundTurnout Run(RoundPlan plan, SeasonIndex index, FanBase fans, Random random, long[] tally, Action<double>? progress)
    {
        var rule = plan.Rule;
        var channels = plan.Channels;
        var segments = index.Segments;
        Span<int> picks = stackalloc int[Math.Max(1, rule.MaxPicks)];
        Span<int> groupCounts = stackalloc int[rule.GroupConstraints.Count];
        Span<bool> usesChannel = stackalloc bool[channels.Length];
        Span<int> ballotsPerPeriod = stackalloc int[channels.Length];
        long voters = 0, ballots = 0, votes = 0;

        for (var fan = 0; fan < fans.Count; fan++)
        {
            if (progress is not null && fan % ProgressStride == 0)
            {
                progress((double)fan / fans.Count);
            }

            var segment = fans.Segment[fan];
            // A fan whose bias is out picks a new favourite whether or not they vote this round, as fans do
            // when the episode airs; the habit roll below only decides whether they vote.
            if (fans.Bias[fan] < 0 || !plan.Allowed[segment, fans.Bias[fan]])
            {
                fans.LoseBias(fan, random);
                if (plan.AllowedCount[segment] > 0)
                {
                    fans.Bias[fan] = plan.Eligible[random.NextWeighted(plan.Cumulative[segment])];
                }
            }

            var periodsVoted = random.NextBinomial(plan.Periods, fans.Habit[fan]);
            if (periodsVoted == 0)
            {
                continue;
            }

            var count = BallotPicker.Pick(plan, segment, fans.Bias[fan], random, picks, groupCounts);
            if (count == 0)
            {
                continue;
            }

            var anyChannel = false;
            for (var c = 0; c < channels.Length; c++)
            {
                usesChannel[c] = random.NextDouble() < channels[c].UseChance;
                anyChannel |= usesChannel[c];
                // Devoted fans use every ballot a period allows; casual ones fewer.
                ballotsPerPeriod[c] = 1 + random.NextBinomial(channels[c].BallotsPerPeriod - 1, fans.Habit[fan]);
            }

            if (!anyChannel)
            {
                usesChannel[0] = true;
            }

            voters++;
            var ballot = picks[..count];
            ballot.Sort();
            for (var c = 0; c < channels.Length; c++)
            {
                if (!usesChannel[c])
                {
                    continue;
                }

                ballots += (long)periodsVoted * ballotsPerPeriod[c];
                for (var start = 0; start < ballot.Length;)
                {
                    var trainee = ballot[start];
                    var end = start + 1;
                    while (end < ballot.Length && ballot[end] == trainee)
                    {
                        end++;
                    }

                    // Picks of one trainee in one period and channel, limited by the per-trainee cap (Idol's 10 per method).
                    var picksPerPeriod = (long)ballotsPerPeriod[c] * (end - start);
                    if (rule.MaxVotesPerTrainee is { } cap)
                    {
                        picksPerPeriod = Math.Min(picksPerPeriod, cap);
                    }

                    var traineeVotes = picksPerPeriod * channels[c].VotesPerPick * periodsVoted;
                    tally[(((trainee * segments) + segment) * channels.Length) + c] += traineeVotes;
                    votes += traineeVotes;
                    start = end;
                }
            }
        }

        progress?.Invoke(1.0);
        return new RoundTurnout(plan.Round.Id, plan.Eligible.Length, plan.Periods, voters, ballots, votes);
    }
}
