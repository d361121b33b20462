using KPops.Log;

namespace KPops.Voting.Pipeline;

/// <summary>
/// What a voter keeps: the ballot's place in the log (index and leaf hash), the signed checkpoint of the tree
/// that holds it, and the inclusion proof against that checkpoint's root. Anyone with the log's public key can
/// check it with <see cref="Verify"/>, without trusting the server.
/// </summary>
public sealed class BallotReceipt(long index, byte[] leafHash, SignedCheckpoint checkpoint, byte[][] inclusionProof)
{
    public long Index { get; } = index;

    /// <summary>RFC 6962 leaf hash of the ballot's entry bytes.</summary>
    public ReadOnlyMemory<byte> LeafHash { get; } = leafHash;

    public SignedCheckpoint Checkpoint { get; } = checkpoint;

    /// <summary>The audit path from the leaf to <see cref="Checkpoint"/>'s root.</summary>
    public IReadOnlyList<byte[]> InclusionProof { get; } = inclusionProof;

    /// <summary>
    /// Checks the checkpoint's signature under <paramref name="verifier"/> for <paramref name="origin"/>, and the
    /// inclusion proof against its root. When <paramref name="entry"/> is given, also that it hashes to the leaf.
    /// </summary>
    public bool Verify(NoteVerifier verifier, string origin, ReadOnlySpan<byte> entry = default)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        if (!LogVerifier.TryVerifyCheckpoint(Checkpoint.Note.Span, verifier, origin, out var checkpoint, out _))
        {
            return false;
        }

        if (!entry.IsEmpty && !Rfc6962.HashLeaf(entry).AsSpan().SequenceEqual(LeafHash.Span))
        {
            return false;
        }

        return LogVerifier.VerifyInclusion(LeafHash.Span, Index, checkpoint.Size, InclusionProof, checkpoint.RootHash);
    }
}
