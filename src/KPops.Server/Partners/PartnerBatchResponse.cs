using System.Text.Json;
using KPops.Log;
using KPops.Voting.Pipeline;

namespace KPops.Server.Partners;

/// <summary>
/// Writes a batch's answer straight to the response body with <see cref="Utf8JsonWriter"/>:
/// <c>{"roundId","checkpoint","accepted","duplicates","refused","results":[…]}</c>, one result per ballot in the
/// batch's order — <c>{"code":"accepted"|"duplicate-ballot","index","entryHash"}</c> or <c>{"code":"&lt;reason&gt;"}</c>.
/// Entry hashes (RFC 6962 leaf hashes) are read from the log in runs of consecutive indices. The checkpoint is the
/// newest any ballot of the batch was committed under, so it covers every index in the answer. Disposes
/// <c>owner</c> (the pooled buffers holding the outcomes) once written.
/// </summary>
internal sealed class PartnerBatchResponse(string roundId, string? checkpoint, BallotOutcome[] outcomes, int count, ILogStorage storage, long logSize,
    IDisposable? owner) : IResult
{
    private const int HashRun = 256;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        try
        {
            await WriteAsync(httpContext);
        }
        finally
        {
            // The outcomes may live in pooled buffers: give them back only once they are written.
            owner?.Dispose();
        }
    }

    private async Task WriteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        var body = response.BodyWriter;
        int accepted = 0, duplicates = 0;
        for (int i = 0; i < count; i++)
        {
            accepted += outcomes[i].Status == SubmitStatus.Accepted ? 1 : 0;
            duplicates += outcomes[i].Status == SubmitStatus.Duplicate ? 1 : 0;
        }

        var hashes = new byte[HashRun * Rfc6962.HashSize];
        long hashesFrom = -1;
        int hashesCount = 0;
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { SkipValidation = true });
        json.WriteStartObject();
        json.WriteString("roundId"u8, roundId);
        if (checkpoint is null)
        {
            json.WriteNull("checkpoint"u8);
        }
        else
        {
            json.WriteString("checkpoint"u8, checkpoint);
        }

        json.WriteNumber("accepted"u8, accepted);
        json.WriteNumber("duplicates"u8, duplicates);
        json.WriteNumber("refused"u8, count - accepted - duplicates);
        json.WriteStartArray("results"u8);
        for (int i = 0; i < count; i++)
        {
            ref readonly BallotOutcome outcome = ref outcomes[i];
            json.WriteStartObject();
            json.WriteString("code"u8, outcome.Code);
            if (outcome.IsInLog)
            {
                long index = outcome.Index;
                if (index < hashesFrom || index >= hashesFrom + hashesCount)
                {
                    hashesFrom = index;
                    hashesCount = (int)Math.Min(HashRun, logSize - index);
                    storage.ReadHashes(0, index, hashes.AsSpan(0, hashesCount * Rfc6962.HashSize));
                }

                json.WriteNumber("index"u8, index);
                json.WriteBase64String("entryHash"u8, hashes.AsSpan((int)(index - hashesFrom) * Rfc6962.HashSize, Rfc6962.HashSize));
            }

            json.WriteEndObject();
            if (json.BytesPending > 32 * 1024)
            {
                json.Flush();
                await body.FlushAsync(httpContext.RequestAborted);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        await body.FlushAsync(httpContext.RequestAborted);
    }
}
