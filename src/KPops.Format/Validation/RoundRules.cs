namespace KPops.Format.Validation;

/// <summary>Rounds: ids, names, a voting window that closes after it opens, eligibility and the ballot rule.</summary>
internal static class RoundRules
{
    public static void Check(SeasonCheck check)
    {
        var rounds = check.Season.Rounds;
        IdRules.CheckUnique(check, "rounds", rounds, r => r.Id);
        foreach (var (round, _, path) in NullItems.Each(check, "rounds", rounds))
        {
            SeasonRules.CheckName(check, $"{path}.name", round.Name);
            if (round.ClosesAt <= round.OpensAt)
            {
                check.Add($"{path}.closesAt", "must be after opensAt");
            }

            EligibilityRules.CheckForRound(check, $"{path}.eligible", round.Eligible, round);
            var eligible = PoolEstimate.Of(check, round.Eligible, check.Season.Announcements.Count);
            if (eligible.MaxCount == 0)
            {
                check.Add($"{path}.eligible", "no trainee is eligible");
            }

            BallotRules.Check(check, $"{path}.ballot", round.Ballot, eligible);
        }
    }
}
