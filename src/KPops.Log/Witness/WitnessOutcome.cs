namespace KPops.Log;

/// <summary>How a witness answered an add-checkpoint request; each maps to the HTTP status tlog-witness prescribes.</summary>
public enum WitnessStatus
{
    /// <summary>200: consistent, recorded and cosigned.</summary>
    Cosigned,

    /// <summary>400: the body is malformed, or the old size exceeds the checkpoint's size.</summary>
    BadRequest,

    /// <summary>403: no signature from a trusted key of the origin verifies.</summary>
    Forbidden,

    /// <summary>404: the witness does not know the checkpoint's origin.</summary>
    UnknownLog,

    /// <summary>409: the old size is not the witness's size (body: its size), or the same size has a different root.</summary>
    Conflict,

    /// <summary>422: the consistency proof does not verify.</summary>
    InvalidProof,
}

/// <summary>The result of <see cref="CheckpointWitness.AddCheckpoint(AddCheckpointRequest)"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Message">Why, for the operator and the client.</param>
/// <param name="KnownSize">The size of the witness's latest cosigned checkpoint, on <see cref="WitnessStatus.Conflict"/>.</param>
/// <param name="Cosignatures">The cosignatures, on <see cref="WitnessStatus.Cosigned"/>.</param>
public sealed record WitnessOutcome(WitnessStatus Status, string Message, long? KnownSize, IReadOnlyList<NoteSignature> Cosignatures)
{
    internal static WitnessOutcome Failed(WitnessStatus status, string message, long? knownSize = null) => new(status, message, knownSize, []);
}
