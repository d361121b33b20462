namespace KPops.Server.Voting;

public static class VotingPolicies
{
    /// <summary>
    /// A signed-in account without a staff role: staff run the show and must not vote in it. Until fan one-time-code
    /// sign-up lands, any such Identity account (bearer or cookie) is a voter.
    /// </summary>
    public const string Voter = "Voter";
}
