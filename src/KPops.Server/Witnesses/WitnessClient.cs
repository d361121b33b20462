using System.Net;
using System.Net.Http.Headers;
using KPops.Log;

namespace KPops.Server.Witnesses;

/// <summary>What one submission to a witness came to.</summary>
internal enum SubmissionResult
{
    Cosigned,
    Refused,
    Unreachable,
}

/// <summary>
/// Talks tlog-witness to one witness on the log's behalf. It remembers the size the witness last cosigned, sends the
/// consistency proof from there, and on 409 retries once from the size the witness reports (the witness restarted,
/// another server instance submitted, or this server just started and did not know). Returned cosignatures are kept
/// only if they verify under the witness's configured key.
/// </summary>
internal sealed partial class WitnessClient(
    HttpClient http, Uri submissionPrefix, CosignatureVerifier key, IHashReader tree, CheckpointCosignatures published, ILogger logger)
{
    private const int MaxConflictRetries = 2;
    private readonly Uri _endpoint = new(submissionPrefix.ToString().TrimEnd('/') + "/add-checkpoint");
    private long _knownSize;
    private byte[] _cosignedNote = [];

    public CosignatureVerifier Key => key;

    /// <summary>Whether the witness has already cosigned exactly <paramref name="note"/>.</summary>
    public bool HasCosigned(ReadOnlySpan<byte> note) => note.SequenceEqual(_cosignedNote);

    public async Task<SubmissionResult> SubmitAsync(byte[] note, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        long oldSize = _knownSize;
        for (int attempt = 0; attempt <= MaxConflictRetries; attempt++)
        {
            if (oldSize > checkpoint.Size)
            {
                // The witness has seen a larger tree of this origin than the log has: nothing to prove from here.
                LogWitnessAhead(logger, key.Name, oldSize, checkpoint.Size);
                _knownSize = oldSize;
                return SubmissionResult.Refused;
            }

            byte[][] proof = oldSize == 0 ? [] : MerkleProofs.Consistency(oldSize, checkpoint.Size, tree);
            using var content = new ByteArrayContent(new AddCheckpointRequest(oldSize, proof, note).Encode());
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsync(_endpoint, content, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LogUnreachable(logger, key.Name, _endpoint, exception.Message);
                return SubmissionResult.Unreachable;
            }

            using (response)
            {
                string body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Accept(note, checkpoint, body);
                }

                if (response.StatusCode == HttpStatusCode.Conflict && WitnessResponse.TryParseSize(body, out long witnessSize) && witnessSize != oldSize)
                {
                    oldSize = witnessSize;
                    _knownSize = witnessSize;
                    continue;
                }

                // 409 at the size we sent means the witness holds another root for it: a fork, which is worth an alarm.
                LogRefused(logger, key.Name, checkpoint.Size, oldSize, (int)response.StatusCode, body.Length > 300 ? body[..300] : body);
                return SubmissionResult.Refused;
            }
        }

        return SubmissionResult.Refused;
    }

    private SubmissionResult Accept(byte[] note, Checkpoint checkpoint, string body)
    {
        string text = checkpoint.Format();
        if (!WitnessResponse.TryParseCosignatures(text, body, out IReadOnlyList<NoteSignature>? lines))
        {
            LogMalformed(logger, key.Name);
            return SubmissionResult.Refused;
        }

        bool any = false;
        foreach (NoteSignature line in lines)
        {
            if (key.TryVerify(text, line, out _))
            {
                published.Record(note, key, line);
                any = true;
            }
        }

        if (!any)
        {
            LogNoValidCosignature(logger, key.Name);
            return SubmissionResult.Refused;
        }

        _knownSize = checkpoint.Size;
        _cosignedNote = note;
        return SubmissionResult.Cosigned;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Witness {Witness} holds size {WitnessSize}, larger than the log's {LogSize}; not submitting")]
    private static partial void LogWitnessAhead(ILogger logger, string witness, long witnessSize, long logSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Witness {Witness} at {Endpoint} is unreachable: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string witness, Uri endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Witness {Witness} refused the checkpoint of size {Size} (from size {OldSize}): HTTP {Status} {Body}")]
    private static partial void LogRefused(ILogger logger, string witness, long size, long oldSize, int status, string body);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Witness {Witness} answered 200 with a body that is not cosignature lines")]
    private static partial void LogMalformed(ILogger logger, string witness);

    [LoggerMessage(Level = LogLevel.Error, Message = "Witness {Witness} returned no cosignature that verifies under its configured key")]
    private static partial void LogNoValidCosignature(ILogger logger, string witness);
}
