namespace KPops.Server.Voting;

public static class VotingPolicies
{
    /// <summary>
    /// A fan with a voter token (<c>POST /api/fans/verify</c>), or a signed-in Identity account without a staff role:
    /// staff run the show and must not vote in it.
    /// </summary>
    public const string Voter = "Voter";
}
