using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KPops.Server.Hosting;
using KPops.Server.Problems;
using KPops.Server.PublicLog;
using KPops.Server.Telemetry;
using KPops.Server.Voting;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KPops.Server.Partners;

/// <summary>
/// <c>POST /api/partner/rounds/{roundId}/ballots</c>: a partner (SMS gateway, the broadcaster's app) submits many
/// ballots in one signed request (<see cref="PartnerSignature"/>) under an <c>Idempotency-Key</c>, and gets an answer
/// per ballot. See docs/partners.md.
/// </summary>
internal static class PartnerBatchApi
{
    private const string SignHelp = $"Sign the request with {PartnerSignature.KeyIdHeader}, {PartnerSignature.TimestampHeader} and {PartnerSignature.SignatureHeader} (docs/partners.md).";

    public static void Map(IEndpointRouteBuilder app) =>
        // Anonymous to ASP.NET Core authorization: the caller is authenticated by the body's signature, checked here.
        app.MapGroup("/api/partner/rounds/{roundId}").WithTags("Partners").AllowAnonymous()
            .MapPost("/ballots", SubmitAsync)
            .WithName("SubmitPartnerBatch")
            .WithSummary("Submit a signed batch of ballots (partners); answers each ballot")
            .WithRequestSizeLimit(app.ServiceProvider.GetRequiredService<IOptions<ServerOptions>>().Value.PartnerMaxBatchBytes);

    internal static async Task<IResult> SubmitAsync(
        string roundId, HttpRequest request, PartnerKeyRing keys, VotingHost voting, LogHost log, PartnerIdempotency idempotency,
        IOptions<ServerOptions> options, KPopsMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        ServerOptions limits = options.Value;
        if (!request.HasJsonContentType())
        {
            return Problem.Of(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, "Send the batch as application/json.");
        }

        var headers = request.Headers;
        string? keyId = headers[PartnerSignature.KeyIdHeader];
        string? signature = headers[PartnerSignature.SignatureHeader];
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(signature)
            || !long.TryParse(headers[PartnerSignature.TimestampHeader], NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp))
        {
            return Problem.Unauthorized(ProblemCodes.SignatureInvalid, SignHelp);
        }

        long skew = Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - timestamp);
        if (skew > limits.PartnerMaxClockSkewSeconds)
        {
            return Problem.Unauthorized(ProblemCodes.TimestampOutOfRange,
                $"{PartnerSignature.TimestampHeader} must be the current Unix time in seconds, within {limits.PartnerMaxClockSkewSeconds} s of the server's clock.");
        }

        string? idempotencyKey = headers[PartnerSignature.IdempotencyKeyHeader];
        if (!IsIdempotencyKey(idempotencyKey))
        {
            return Problem.BadRequest(ProblemCodes.IdempotencyKeyRequired,
                $"Send an {PartnerSignature.IdempotencyKeyHeader} header: 1 to 200 printable ASCII characters, new for each batch.");
        }

        if (request.ContentLength > limits.PartnerMaxBatchBytes)
        {
            return TooLarge(limits);
        }

        using var body = await PooledBody.ReadAsync(request.Body, limits.PartnerMaxBatchBytes, request.ContentLength, cancellationToken);
        if (body is null)
        {
            return TooLarge(limits);
        }

        var key = await keys.FindAsync(keyId, cancellationToken);
        byte[] bodyHash = SHA256.HashData(body.Memory.Span);
        string path = request.PathBase.Add(request.Path).Value ?? "";
        if (key is null || !PartnerSignature.Verify(key.HmacKey, request.Method, path, timestamp, idempotencyKey, bodyHash, signature))
        {
            return Problem.Unauthorized(ProblemCodes.SignatureInvalid, "The key is unknown or revoked, or the signature does not match the request. " + SignHelp);
        }

        BallotPipeline? pipeline = voting.Pipeline;
        if (pipeline is null || !pipeline.Season.TryGetRound(roundId, out int round))
        {
            return BallotProblems.For("unknown-round");
        }

        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        int max = limits.PartnerMaxBallotsPerBatch;
        var batch = new PartnerBatchBuffers(max);
        try
        {
            var reader = new PartnerBatchReader(PartnerSeasonLookup.For(pipeline.Season), round, voting.Pseudonyms, key.PartnerName,
                now, pipeline.Season.PeriodOf(round, now), max);
            switch (batch.Read(reader, body.Memory.Span))
            {
                case BatchReadStatus.Malformed:
                    return Problem.BadRequest(ProblemCodes.BadRequest, reader.Error ?? "The body is not a batch.");
                case BatchReadStatus.TooManyBallots:
                    return Problem.Of(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, $"A batch may hold at most {max} ballots.");
            }

            byte[] requestHash = RequestHash(path, bodyHash);
            var (claim, stored) = await idempotency.ClaimAsync(key.KeyId, idempotencyKey, requestHash, cancellationToken);
            switch (claim)
            {
                case ClaimResult.Mismatch:
                    return Problem.Of(StatusCodes.Status422UnprocessableEntity, ProblemCodes.IdempotencyKeyReused,
                        $"This {PartnerSignature.IdempotencyKeyHeader} was used for a different batch; use a new key for each batch.");
                case ClaimResult.InProgress:
                    return Problem.Conflict(ProblemCodes.IdempotencyKeyInProgress,
                        $"A batch with this {PartnerSignature.IdempotencyKeyHeader} is still being submitted; retry shortly.");
                case ClaimResult.Completed:
                    var answered = PartnerOutcomeCodec.Decode(stored!.Outcomes!);
                    return new PartnerBatchResponse(roundId, stored.Checkpoint, answered, answered.Length, log.Storage, pipeline.LogSize, null);
            }

            try
            {
                await batch.SubmitAsync(pipeline);
            }
            catch
            {
                idempotency.Release(key.KeyId, idempotencyKey);
                throw;
            }

            string? checkpoint = batch.NewestCheckpoint();
            // Recorded whatever happens to the connection now: the ballots are in the log.
            await idempotency.CompleteAsync(key.KeyId, idempotencyKey, requestHash, PartnerOutcomeCodec.Encode(batch.Outcomes), checkpoint, CancellationToken.None);
            batch.Count(metrics);
            var response = new PartnerBatchResponse(roundId, checkpoint, batch.OutcomeArray, batch.Length, log.Storage, pipeline.LogSize, batch);
            batch = null;
            return response;
        }
        finally
        {
            batch?.Dispose();
        }
    }

    private static ProblemHttpResult TooLarge(ServerOptions limits) =>
        Problem.Of(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, $"A batch may be at most {limits.PartnerMaxBatchBytes} bytes.");

    /// <summary>What "the same request" means for an idempotency key: the path (so the round) and the body.</summary>
    internal static byte[] RequestHash(string path, ReadOnlySpan<byte> bodyHash)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(path));
        hash.AppendData([0]);
        hash.AppendData(bodyHash);
        return hash.GetHashAndReset();
    }

    private static bool IsIdempotencyKey([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 200)
        {
            return false;
        }

        foreach (char c in key)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
