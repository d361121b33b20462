namespace KPops.Format.Simulation;

/// <summary>What a simulated round produced, for the summary line printed above its rankings.</summary>
/// <param name="Round">The round id.</param>
/// <param name="EligibleTrainees">How many trainees could be picked.</param>
/// <param name="Periods">Voting periods in the round (days, or 1).</param>
/// <param name="Voters">Fans who cast at least one ballot.</param>
/// <param name="Ballots">Ballots cast over all periods and channels.</param>
/// <param name="Votes">Votes counted (picks × channel weight, after caps).</param>
public sealed record RoundTurnout(string Round, int EligibleTrainees, int Periods, long Voters, long Ballots, long Votes);
