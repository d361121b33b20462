using KPops.Server.Hosting;
using KPops.Server.Problems;
using KPops.Voting.Ballots;
using KPops.Voting.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KPops.Server.Voting;

/// <summary>
/// Voting: a signed-in non-staff account casts a ballot for a round and gets its receipt (the proof that the ballot is
/// in the public log), or a problem with the ballot's stable reason code. Receipts can be fetched again by index,
/// proved against the current checkpoint. No endpoint returns counts: they are published only through announcements.
/// </summary>
public static class BallotsApi
{
    /// <summary>Largest ballot body accepted: 32 trainee ids and a few fields fit well within it.</summary>
    public const int MaxBallotBytes = 4096;

    public static IEndpointRouteBuilder MapBallotsApi(this IEndpointRouteBuilder app)
    {
        // The Voter policy as on staff routes (RequireStaff), but the cookie anti-forgery check is BallotCasting's first
        // step rather than an endpoint filter: the route carries no filter at all.
        app.MapGroup("/api/rounds/{roundId}").WithTags("Voting").RequireAuthorization(VotingPolicies.Voter)
            .MapPost("/ballots", (string roundId, HttpContext http, BallotCasting casting) => casting.CastAsync(http))
            .WithRequestSizeLimit(MaxBallotBytes)
            .WithMetadata(VoterBallotLaneMetadata.Instance)
            // An API route: no session is a 401, not Identity's redirect to a sign-in page (a handler answering typed
            // JSON results says so by itself; this one writes its answers).
            .DisableCookieRedirect()
            // Its own histogram, kpops_ballots_receipt_duration_seconds, times every ballot from arrival to receipt;
            // ASP.NET Core's per-request duration (a tagged histogram look-up per ballot) would only repeat it.
            .DisableHttpMetrics()
            .WithName("CastBallot")
            .WithSummary("Cast a ballot (signed-in fans); answers its receipt")
            .Accepts<CastBallotRequest>("application/json")
            .Produces<ReceiptResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapGroup("/api/receipts").WithTags("Voting").AllowAnonymous()
            .MapGet("/{index:long}", GetReceipt)
            .WithName("GetReceipt")
            .WithSummary("The receipt of the log entry at an index, proved against the current checkpoint");
        return app;
    }

    internal static Results<ReceiptResult, ProblemHttpResult> GetReceipt(long index, VotingHost voting)
    {
        BallotPipeline? pipeline = voting.Pipeline;
        var checkpoint = pipeline?.Checkpoint;
        if (pipeline is null || checkpoint is null || index < 0 || index >= checkpoint.Size)
        {
            return Problem.NotFound(ProblemCodes.ReceiptNotFound, $"The log has no entry {index}.");
        }

        var outcome = new BallotOutcome(SubmitStatus.Accepted, BallotCheck.Accepted, index, checkpoint);
        return new ReceiptResult("in-log", pipeline, outcome);
    }
}
