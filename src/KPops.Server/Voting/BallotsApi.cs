using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using KPops.Server.Hosting;
using KPops.Server.Problems;
using KPops.Server.Staff;
using KPops.Server.Storage;
using KPops.Server.Telemetry;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;
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
        app.MapGroup("/api/rounds/{roundId}").WithTags("Voting").RequireStaff(VotingPolicies.Voter)
            .MapPost("/ballots", CastAsync)
            .AddEndpointFilter<BallotRateLimitFilter>()
            .WithRequestSizeLimit(MaxBallotBytes)
            .AddEndpointFilter<KPops.Server.Integrity.IntegrityBallotFilter>()
            .WithMetadata(VoterBallotLaneMetadata.Instance)
            .WithName("CastBallot")
            .WithSummary("Cast a ballot (signed-in fans); answers its receipt")
            .Accepts<CastBallotRequest>("application/json");

        app.MapGroup("/api/receipts").WithTags("Voting").AllowAnonymous()
            .MapGet("/{index:long}", GetReceipt)
            .WithName("GetReceipt")
            .WithSummary("The receipt of the log entry at an index, proved against the current checkpoint");
        return app;
    }

    internal static async Task<Results<Ok<ReceiptResponse>, ProblemHttpResult>> CastAsync(
        string roundId, HttpRequest request, ClaimsPrincipal principal, VotingHost voting,
        KPopsMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        long arrived = Stopwatch.GetTimestamp();
        if (!request.HasJsonContentType())
        {
            return Problem.Of(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, "Send the ballot as application/json.");
        }

        if (request.ContentLength > MaxBallotBytes
            || await RequestBody.ReadLimitedAsync(request.Body, MaxBallotBytes, cancellationToken) is not { } body)
        {
            return Problem.Of(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, $"A ballot may be at most {MaxBallotBytes} bytes.");
        }

        CastBallotRequest? cast;
        try
        {
            cast = JsonSerializer.Deserialize(body, VotingJsonContext.Default.CastBallotRequest);
        }
        catch (JsonException)
        {
            cast = null;
        }

        if (cast?.Picks is null || cast.Nonce is null)
        {
            return Problem.BadRequest(ProblemCodes.BadRequest, "A ballot is a JSON object with picks (trainee ids) and a nonce (0 to 4294967295).");
        }

        BallotPipeline? pipeline = voting.Pipeline;
        // The account id is the principal's name identifier (voter token or Identity alike): resolving UserManager to
        // read it would construct a DbContext per ballot.
        string? accountId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (pipeline is null)
        {
            // No season yet, so no round of that name either.
            return Refused(metrics, BallotCheck.UnknownRound.ToCode());
        }

        if (accountId is null)
        {
            return Refused(metrics, "unavailable");
        }

        if (!BallotForm.TryBuild(pipeline.Season, roundId, cast, voting.Pseudonyms.Of(accountId), out Ballot ballot, out string? refusal))
        {
            return Refused(metrics, refusal);
        }

        BallotOutcome outcome = await pipeline.SubmitAsync(pipeline.Season.Stamp(ballot, time));
        if (!outcome.IsInLog)
        {
            BallotProblems.AdviseRetry(request.HttpContext.Response, outcome.Status, pipeline);
            return Refused(metrics, outcome.Code);
        }

        if (outcome.Status == SubmitStatus.Accepted)
        {
            metrics.BallotsAccepted();
        }

        var receipt = ToResponse(outcome.Code, pipeline.Receipt(outcome));
        metrics.ReceiptIssued(Stopwatch.GetElapsedTime(arrived));
        return TypedResults.Ok(receipt);
    }

    internal static Results<Ok<ReceiptResponse>, ProblemHttpResult> GetReceipt(long index, VotingHost voting)
    {
        BallotPipeline? pipeline = voting.Pipeline;
        var checkpoint = pipeline?.Checkpoint;
        if (pipeline is null || checkpoint is null || index < 0 || index >= checkpoint.Size)
        {
            return Problem.NotFound(ProblemCodes.ReceiptNotFound, $"The log has no entry {index}.");
        }

        var outcome = new BallotOutcome(SubmitStatus.Accepted, BallotCheck.Accepted, index, checkpoint);
        return TypedResults.Ok(ToResponse("in-log", pipeline.Receipt(outcome)));
    }

    private static ProblemHttpResult Refused(KPopsMetrics metrics, string code)
    {
        metrics.BallotRejected(code);
        return BallotProblems.For(code);
    }

    private static ReceiptResponse ToResponse(string status, BallotReceipt receipt)
    {
        var proof = new string[receipt.InclusionProof.Count];
        for (int i = 0; i < proof.Length; i++)
        {
            proof[i] = Convert.ToBase64String(receipt.InclusionProof[i]);
        }

        return new ReceiptResponse(
            status,
            receipt.Index,
            Convert.ToBase64String(receipt.LeafHash.Span),
            System.Text.Encoding.UTF8.GetString(receipt.Checkpoint.Note.Span),
            proof);
    }
}
