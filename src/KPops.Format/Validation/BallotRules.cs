using KPops.Format.Model;

namespace KPops.Format.Validation;

/// <summary>A ballot rule must be one a fan can satisfy: pick counts, group limits, caps and channels.</summary>
internal static class BallotRules
{
    public static void Check(SeasonCheck check, string path, BallotRule ballot, PoolEstimate eligible)
    {
        if (ballot.MinPicks < 1)
        {
            check.Add($"{path}.minPicks", "must be ≥ 1");
        }

        if (ballot.MaxPicks < ballot.MinPicks)
        {
            check.Add($"{path}.maxPicks", "must be ≥ minPicks");
        }
        else if (ballot.Distinct && ballot.MaxPicks > eligible.MaxCount)
        {
            check.Add($"{path}.maxPicks", $"must be ≤ the number of eligible trainees ({eligible.MaxCount})");
        }

        if (ballot.BallotsPerPeriod < 1)
        {
            check.Add($"{path}.ballotsPerPeriod", "must be ≥ 1");
        }

        if (ballot.MaxVotesPerTrainee < 1)
        {
            check.Add($"{path}.maxVotesPerTrainee", "must be ≥ 1");
        }

        CheckGroupConstraints(check, path, ballot, eligible);
        CheckChannels(check, path, ballot);
    }

    private static void CheckGroupConstraints(SeasonCheck check, string path, BallotRule ballot, PoolEstimate eligible)
    {
        var constrained = new HashSet<string>(StringComparer.Ordinal);
        var listPath = $"{path}.groupConstraints";
        foreach (var (constraint, _, itemPath) in NullItems.Each(check, listPath, ballot.GroupConstraints))
        {
            if (!check.GroupIds.Contains(constraint.Group))
            {
                check.Add($"{itemPath}.group", $"unknown group \"{constraint.Group}\"");
            }
            else if (!constrained.Add(constraint.Group))
            {
                check.Add($"{itemPath}.group", $"group \"{constraint.Group}\" is already constrained");
            }

            if (constraint.Min < 0)
            {
                check.Add($"{itemPath}.min", "must be ≥ 0");
            }

            if (constraint.Max < constraint.Min)
            {
                check.Add($"{itemPath}.max", "must be ≥ min");
            }

            if (ballot.Distinct && eligible.Members is { } members && check.GroupIds.Contains(constraint.Group))
            {
                var inGroup = check.Season.Trainees.Count(t => t is not null && t.Group == constraint.Group && members.Contains(t.Id));
                if (constraint.Min > inGroup)
                {
                    check.Add($"{itemPath}.min", $"only {inGroup} eligible trainees are in group \"{constraint.Group}\"");
                }
            }
        }

        var constraints = ballot.GroupConstraints.Where(c => c is not null).ToList();
        var minimums = constraints.Sum(c => Math.Max(c.Min, 0));
        if (minimums > ballot.MaxPicks)
        {
            check.Add(listPath, $"minimums add up to {minimums}, more than maxPicks ({ballot.MaxPicks})");
        }

        // When every trainee belongs to a group and every group is capped, the caps bound the whole ballot.
        var everyoneCapped = check.GroupIds.Count > 0
            && check.GroupIds.All(g => constraints.Any(c => c.Group == g && c.Max is not null))
            && check.Season.Trainees.All(t => t is null || t.Group is not null);
        if (everyoneCapped)
        {
            var maximums = check.GroupIds.Sum(g => constraints.First(c => c.Group == g).Max!.Value);
            if (maximums < ballot.MinPicks)
            {
                check.Add(listPath, $"maximums add up to {maximums}, fewer than minPicks ({ballot.MinPicks})");
            }
        }
    }

    private static void CheckChannels(SeasonCheck check, string path, BallotRule ballot)
    {
        var listPath = $"{path}.channels";
        IdRules.CheckUnique(check, listPath, ballot.Channels, c => c.Id);
        foreach (var (channel, _, itemPath) in NullItems.Each(check, listPath, ballot.Channels))
        {
            if (channel.BallotsPerPeriod < 1)
            {
                check.Add($"{itemPath}.ballotsPerPeriod", "must be ≥ 1");
            }

            if (channel.VotesPerPick < 1)
            {
                check.Add($"{itemPath}.votesPerPick", "must be ≥ 1");
            }
        }
    }
}
