using KPops.Server.Problems;
using KPops.Voting.Ballots;
using KPops.Voting.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KPops.Server.Voting;

/// <summary>
/// A refused ballot as RFC 7807 problem details whose <c>code</c> is the ballot's stable reason code
/// (<see cref="BallotCheckCodes"/>, e.g. <c>too-many-picks</c>) and whose status says what kind of refusal it is.
/// </summary>
internal static class BallotProblems
{
    public static ProblemHttpResult For(string code) => Problem.Of(StatusFor(code), code, DetailFor(code));

    /// <summary>
    /// 404 for a round that does not exist; 422 for a ballot that can never be valid as sent (its shape); 409 for one
    /// the round's state refuses now (window, quota); 403 for a quarantined voter; 429 for a full queue; 503 when
    /// the log cannot take it (resubmit with the same nonce).
    /// </summary>
    public static int StatusFor(string code) => code switch
    {
        "unknown-round" => StatusCodes.Status404NotFound,
        "round-not-open" or "round-closed" or "wrong-period" or "quota-exhausted" or "trainee-cap" or "no-season" => StatusCodes.Status409Conflict,
        "voter-quarantined" => StatusCodes.Status403Forbidden,
        "rate-limited" => StatusCodes.Status429TooManyRequests,
        "storage-unavailable" or "unavailable" => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>
    /// Sets <c>Retry-After</c> (seconds) on a refusal the client should simply retry: the vote log's storage failing
    /// (until the pipeline's next attempt to re-open it) or its queue full.
    /// </summary>
    public static void AdviseRetry(HttpResponse response, SubmitStatus status, BallotPipeline pipeline)
    {
        TimeSpan? after = status switch
        {
            SubmitStatus.StorageUnavailable => pipeline.StorageRetryAfter,
            SubmitStatus.RateLimited => TimeSpan.FromSeconds(1),
            _ => null,
        };
        if (after is { } wait)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static string DetailFor(string code) => code switch
    {
        "unknown-round" => "The log's season has no such round.",
        "round-not-open" => "The round is not open yet.",
        "round-closed" => "The round is closed.",
        "wrong-period" => "The ballot's voting period is not the current one.",
        "quota-exhausted" => "This account has used all its votes for the round and period.",
        "trainee-cap" => "This account has given the trainee all the votes the round allows.",
        "no-season" => "No season is loaded yet.",
        "voter-quarantined" => "This account may not vote in the round.",
        "rate-limited" => "The server is busy; retry shortly with the same nonce.",
        "storage-unavailable" => "The vote log's storage is failing, so the ballot was not recorded; resubmit it with the same nonce after the time in Retry-After.",
        "unavailable" => "Voting is not available right now.",
        _ => $"The ballot breaks the round's rules ({code}).",
    };
}
