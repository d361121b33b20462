namespace KPops.Log;

/// <summary>A checkpoint together with the exact signed-note bytes served at <c>&lt;prefix&gt;/checkpoint</c>.</summary>
public sealed class SignedCheckpoint(Checkpoint checkpoint, ReadOnlyMemory<byte> note)
{
    public Checkpoint Checkpoint { get; } = checkpoint ?? throw new ArgumentNullException(nameof(checkpoint));

    /// <summary>The signed note, byte for byte.</summary>
    public ReadOnlyMemory<byte> Note { get; } = note;

    public long Size => Checkpoint.Size;

    /// <summary>Signs <paramref name="checkpoint"/> with the log key.</summary>
    public static SignedCheckpoint Create(Checkpoint checkpoint, NoteSigner signer)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return new SignedCheckpoint(checkpoint, SignedNote.Sign(checkpoint.Format(), signer));
    }
}
