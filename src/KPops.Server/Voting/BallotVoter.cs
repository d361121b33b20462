using System.Globalization;
using System.Security.Claims;
using KPops.Server.Fans;

namespace KPops.Server.Voting;

/// <summary>
/// Who casts a ballot, as the ballot path needs it: the account id (the voter's pseudonym and rate-limit partition come
/// from it) and the minute the account was verified (the integrity monitor's new-account cohort; -1 when unknown). The
/// voter ballot lane sets it straight from the voter token, with no claims principal to build and read back on every
/// ballot; for any other caller it is read once from the authenticated principal.
/// </summary>
public sealed class BallotVoter(string accountId, long createdMinute)
{
    public string AccountId { get; } = accountId;

    /// <summary>Unix minutes of the account's verification; -1 when the credential does not say (kv1 tokens, staff logins).</summary>
    public long CreatedMinute { get; } = createdMinute;

    /// <summary>The voter a genuine voter token names.</summary>
    public static BallotVoter Of(VoterTokenClaims claims) =>
        new(claims.FanId.ToString("D"), claims.VerifiedAt is { } verifiedAt ? verifiedAt.ToUnixTimeSeconds() / 60 : -1);

    /// <summary>The request's voter: the one the lane set, else the authenticated principal's (remembered); null if none.</summary>
    public static BallotVoter? Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<BallotVoter>() is { } voter)
        {
            return voter;
        }

        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } accountId)
        {
            return null;
        }

        voter = new BallotVoter(accountId,
            long.TryParse(http.User.FindFirstValue(VoterTokenHandler.VerifiedAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
                ? seconds / 60
                : -1);
        http.Features.Set(voter);
        return voter;
    }
}
