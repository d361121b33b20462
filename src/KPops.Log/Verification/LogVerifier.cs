using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace KPops.Log;

/// <summary>
/// Stateless checks any auditor runs against what a log publishes: signed checkpoints, inclusion proofs and
/// consistency proofs. The proof checks follow RFC 9162 §2.1.3.2 and §2.1.4.2 step by step.
/// </summary>
public static class LogVerifier
{
    /// <summary>Opens a signed checkpoint with the log's verifier key and parses its body.</summary>
    public static bool TryVerifyCheckpoint(ReadOnlySpan<byte> note, NoteVerifier verifier, string? expectedOrigin,
        [NotNullWhen(true)] out Checkpoint? checkpoint, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        checkpoint = null;
        if (!SignedNote.TryOpen(note, [verifier], out VerifiedNote? opened, out error))
        {
            return false;
        }

        if (!Checkpoint.TryParse(opened.Text, out checkpoint, out error))
        {
            return false;
        }

        if (expectedOrigin is not null && checkpoint.Origin != expectedOrigin)
        {
            error = $"checkpoint origin '{checkpoint.Origin}' is not '{expectedOrigin}'";
            checkpoint = null;
            return false;
        }

        return true;
    }

    public static Checkpoint VerifyCheckpoint(ReadOnlySpan<byte> note, NoteVerifier verifier, string? expectedOrigin = null) =>
        TryVerifyCheckpoint(note, verifier, expectedOrigin, out Checkpoint? checkpoint, out string? error)
            ? checkpoint
            : throw new LogVerificationException($"Checkpoint rejected: {error}.");

    /// <summary>RFC 9162 §2.1.3.2: does <paramref name="proof"/> place <paramref name="leafHash"/> at <paramref name="index"/> of the tree with root <paramref name="rootHash"/>?</summary>
    public static bool VerifyInclusion(ReadOnlySpan<byte> leafHash, long index, long treeSize, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> rootHash)
    {
        ArgumentNullException.ThrowIfNull(proof);
        Span<byte> computed = stackalloc byte[Rfc6962.HashSize];
        return leafHash.Length == Rfc6962.HashSize && rootHash.Length == Rfc6962.HashSize
            && TryRootFromInclusionProof(leafHash, index, treeSize, proof, computed)
            && computed.SequenceEqual(rootHash);
    }

    /// <summary>The root an inclusion proof implies, or false if the proof is malformed for this index and size.</summary>
    public static bool TryRootFromInclusionProof(ReadOnlySpan<byte> leafHash, long index, long treeSize, IReadOnlyList<byte[]> proof, Span<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        // 1. leaf_index must be below tree_size.
        if (index < 0 || index >= treeSize || leafHash.Length != Rfc6962.HashSize)
        {
            return false;
        }

        // 2-3. fn = leaf_index, sn = tree_size - 1, r = hash.
        long fn = index;
        long sn = treeSize - 1;
        Span<byte> r = stackalloc byte[Rfc6962.HashSize];
        leafHash.CopyTo(r);
        foreach (byte[] p in proof)
        {
            // 4a. A proof longer than the path fails.
            if (sn == 0 || p is null || p.Length != Rfc6962.HashSize)
            {
                return false;
            }

            // 4b. Node on the right of its sibling, or the last node of its level.
            if ((fn & 1) == 1 || fn == sn)
            {
                Rfc6962.HashChildren(p, r, r);
                if ((fn & 1) == 0)
                {
                    ShiftUntilOddOrZero(ref fn, ref sn);
                }
            }
            else
            {
                Rfc6962.HashChildren(r, p, r);
            }

            // 4c.
            fn >>= 1;
            sn >>= 1;
        }

        // 5. The whole path must have been consumed.
        if (sn != 0)
        {
            return false;
        }

        r.CopyTo(root);
        return true;
    }

    /// <summary>RFC 9162 §2.1.4.2: is the tree (size1, root1) a prefix of the tree (size2, root2)?</summary>
    public static bool VerifyConsistency(long size1, long size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (size1 < 0 || size2 < size1 || root1.Length != Rfc6962.HashSize || root2.Length != Rfc6962.HashSize)
        {
            return false;
        }

        if (size1 == size2)
        {
            return proof.Count == 0 && root1.SequenceEqual(root2);
        }

        // Every tree extends the empty tree; the proof is empty.
        if (size1 == 0)
        {
            return proof.Count == 0;
        }

        // 1. An empty path fails.
        if (proof.Count == 0)
        {
            return false;
        }

        foreach (byte[] c in proof)
        {
            if (c is null || c.Length != Rfc6962.HashSize)
            {
                return false;
            }
        }

        // 2. If first is an exact power of two, the old root is the implicit first element.
        var path = new List<byte[]>(proof.Count + 1);
        if (BitOperations.IsPow2(size1))
        {
            path.Add(root1.ToArray());
        }

        path.AddRange(proof);

        // 3. fn = first - 1, sn = second - 1.
        long fn = size1 - 1;
        long sn = size2 - 1;

        // 4. Skip the levels where the old tree's last node is a right child.
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        // 5. fr = sr = first element.
        Span<byte> fr = stackalloc byte[Rfc6962.HashSize];
        Span<byte> sr = stackalloc byte[Rfc6962.HashSize];
        path[0].CopyTo(fr);
        path[0].CopyTo(sr);

        // 6. Fold in the remaining elements.
        for (int i = 1; i < path.Count; i++)
        {
            byte[] c = path[i];
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                Rfc6962.HashChildren(c, fr, fr);
                Rfc6962.HashChildren(c, sr, sr);
                if ((fn & 1) == 0)
                {
                    ShiftUntilOddOrZero(ref fn, ref sn);
                }
            }
            else
            {
                Rfc6962.HashChildren(sr, c, sr);
            }

            fn >>= 1;
            sn >>= 1;
        }

        // 7.
        return sn == 0 && fr.SequenceEqual(root1) && sr.SequenceEqual(root2);
    }

    private static void ShiftUntilOddOrZero(ref long fn, ref long sn)
    {
        while ((fn & 1) == 0 && fn != 0)
        {
            fn >>= 1;
            sn >>= 1;
        }
    }
}
