using System.Text;
using KPops.Log;
using KPops.Server.Hosting;
using KPops.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KPops.Server.Witnesses;

/// <summary>
/// The C2SP tlog-witness HTTP interface of a witness (<c>kpops witness</c>): <c>POST /add-checkpoint</c>. Statuses are
/// the spec's — 200 with cosignature lines, 400 malformed, 403 no trusted log signature, 404 unknown origin, 409 with
/// the witness's size as <c>text/x.tlog.size</c>, 422 bad consistency proof — so any tlog-witness client can use it.
/// </summary>
public static partial class WitnessApi
{
    /// <summary>Large enough for a checkpoint with 100 signature lines and 63 proof hashes.</summary>
    public const int MaxRequestBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapWitnessApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/add-checkpoint", AddCheckpointAsync)
            .WithName("AddCheckpoint")
            .WithSummary("Submit a checkpoint with a consistency proof from the witness's size; returns the witness's cosignature (c2sp.org/tlog-witness)");
        return app;
    }

    internal static async Task<IResult> AddCheckpointAsync(CheckpointWitness witness, ILogger<CheckpointWitness> logger, HttpContext context)
    {
        byte[]? body = await RequestBody.ReadLimitedAsync(context.Request.Body, MaxRequestBytes, context.RequestAborted);
        if (body is null)
        {
            return Problem.Of(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, $"An add-checkpoint body is at most {MaxRequestBytes} bytes.");
        }

        // The witness updates its state file with fsync under a lock: keep that off the request thread pool's hot path.
        WitnessOutcome outcome = await Task.Run(() => witness.AddCheckpoint(body), context.RequestAborted);
        if (outcome.Status == WitnessStatus.Cosigned)
        {
            LogCosigned(logger, outcome.Message);
        }
        else
        {
            LogRefused(logger, outcome.Status, outcome.Message, context.Connection.RemoteIpAddress?.ToString());
        }

        return ToResult(outcome);
    }

    internal static IResult ToResult(WitnessOutcome outcome) => outcome.Status switch
    {
        WitnessStatus.Cosigned => TypedResults.Text(WitnessResponse.FormatCosignatures(outcome.Cosignatures), "text/plain; charset=utf-8", Encoding.UTF8),
        WitnessStatus.Conflict => TypedResults.Text(WitnessResponse.FormatSize(outcome.KnownSize ?? 0), WitnessResponse.SizeContentType, Encoding.ASCII, StatusCodes.Status409Conflict),
        WitnessStatus.Forbidden => Problem.Of(StatusCodes.Status403Forbidden, ProblemCodes.WitnessForbidden, outcome.Message),
        WitnessStatus.UnknownLog => Problem.Of(StatusCodes.Status404NotFound, ProblemCodes.WitnessUnknownLog, outcome.Message),
        WitnessStatus.InvalidProof => Problem.Of(StatusCodes.Status422UnprocessableEntity, ProblemCodes.WitnessInvalidProof, outcome.Message),
        _ => Problem.BadRequest(ProblemCodes.WitnessBadRequest, outcome.Message),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Decision}")]
    private static partial void LogCosigned(ILogger logger, string decision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused ({Status}): {Reason} (from {Client})")]
    private static partial void LogRefused(ILogger logger, WitnessStatus status, string reason, string? client);
}
