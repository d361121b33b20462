namespace KPops.Log;

/// <summary>
/// A C2SP tlog-witness: for each log it is configured with (origin and trusted verifier keys), it cosigns a checkpoint
/// only if the log signed it and it is consistent with the latest checkpoint it cosigned before — so it never
/// cosigns two views of one log that contradict each other, nor a smaller tree after a larger one, across restarts.
/// The size check and the state update happen under one lock, so concurrent requests cannot roll the state back.
/// </summary>
public sealed class CheckpointWitness
{
    private readonly CosignatureSigner _signer;
    private readonly Dictionary<string, NoteVerifier[]> _logs;
    private readonly WitnessStateStore _state;
    private readonly TimeProvider _time;
    private readonly Lock _update = new();

    /// <param name="signer">The witness's key.</param>
    /// <param name="logs">The logs it witnesses: origin → the log's verifier keys.</param>
    /// <param name="state">Where it remembers each log's latest cosigned checkpoint.</param>
    /// <param name="time">The clock for cosignature timestamps.</param>
    public CheckpointWitness(CosignatureSigner signer, IReadOnlyDictionary<string, IReadOnlyList<NoteVerifier>> logs, WitnessStateStore state, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(state);
        _signer = signer;
        _logs = logs.ToDictionary(log => log.Key, log => log.Value.ToArray(), StringComparer.Ordinal);
        _state = state;
        _time = time ?? TimeProvider.System;
    }

    public CosignatureVerifier Verifier => _signer.Verifier;

    public IReadOnlyCollection<string> Origins => _logs.Keys;

    /// <summary>Answers an add-checkpoint request body.</summary>
    public WitnessOutcome AddCheckpoint(ReadOnlySpan<byte> body)
    {
        if (!AddCheckpointRequest.TryParse(body, out AddCheckpointRequest? request, out string? error))
        {
            return WitnessOutcome.Failed(WitnessStatus.BadRequest, error);
        }

        return AddCheckpoint(request);
    }

    public WitnessOutcome AddCheckpoint(AddCheckpointRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ReadOnlySpan<byte> note = request.CheckpointNote.Span;
        if (!SignedNote.TryParseUnverified(note, out string? text, out _) || !Checkpoint.TryParse(text, out Checkpoint? claimed, out string? error))
        {
            return WitnessOutcome.Failed(WitnessStatus.BadRequest, "the checkpoint is not a signed checkpoint note");
        }

        if (!_logs.TryGetValue(claimed.Origin, out NoteVerifier[]? keys))
        {
            return WitnessOutcome.Failed(WitnessStatus.UnknownLog, $"this witness does not witness '{claimed.Origin}'");
        }

        // Signatures of other keys are ignored; a trusted key's must verify.
        if (!SignedNote.TryOpen(note, keys, out _, out error))
        {
            return WitnessOutcome.Failed(WitnessStatus.Forbidden, $"the checkpoint is not signed by a trusted key of '{claimed.Origin}': {error}");
        }

        Checkpoint checkpoint = claimed;

        if (request.OldSize > checkpoint.Size)
        {
            return WitnessOutcome.Failed(WitnessStatus.BadRequest, $"old size {request.OldSize} exceeds the checkpoint's size {checkpoint.Size}");
        }

        lock (_update)
        {
            Checkpoint? latest = _state.Load(checkpoint.Origin);
            long latestSize = latest?.Size ?? 0;
            if (request.OldSize != latestSize)
            {
                return WitnessOutcome.Failed(WitnessStatus.Conflict, $"the witness's latest checkpoint has size {latestSize}, not {request.OldSize}", latestSize);
            }

            if (latest is not null && latest.Size == checkpoint.Size && !latest.RootHash.SequenceEqual(checkpoint.RootHash))
            {
                return WitnessOutcome.Failed(WitnessStatus.Conflict, $"a different root was cosigned at size {latestSize}: the log forked", latestSize);
            }

            if (!ProofHolds(request, latest, checkpoint))
            {
                return WitnessOutcome.Failed(WitnessStatus.InvalidProof, $"the consistency proof from size {request.OldSize} to {checkpoint.Size} does not verify");
            }

            _state.Save(checkpoint, note);
            long now = _time.GetUtcNow().ToUnixTimeSeconds();
            NoteSignature cosignature = _signer.Sign(text, now);
            return new WitnessOutcome(WitnessStatus.Cosigned, $"cosigned {checkpoint.Origin} at size {checkpoint.Size}", null, [cosignature]);
        }
    }

    private static bool ProofHolds(AddCheckpointRequest request, Checkpoint? latest, Checkpoint checkpoint)
    {
        if (latest is null || request.OldSize == 0)
        {
            // Nothing to be consistent with yet; the spec requires the proof to be empty.
            return request.ConsistencyProof.Count == 0;
        }

        return LogVerifier.VerifyConsistency(latest.Size, checkpoint.Size, request.ConsistencyProof, latest.RootHash, checkpoint.RootHash);
    }
}
