using System.Numerics;

namespace KPops.Log;

/// <summary>
/// Inclusion and consistency proof generation exactly as RFC 6962 §2.1.1 (PATH) and §2.1.2 (SUBPROOF) define
/// them, which is also what RFC 9162 §2.1.3.1 / §2.1.4.1 specify. Each proof element is the hash of an
/// RFC-shaped subtree, read through an <see cref="IHashReader"/>.
/// </summary>
public static class MerkleProofs
{
    public static byte[][] Inclusion(long index, long treeSize, IHashReader reader)
    {
        Span<byte> path = stackalloc byte[MaxInclusionProofHashes * Rfc6962.HashSize];
        int count = Inclusion(index, treeSize, reader, path);
        var proof = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            proof[i] = path.Slice(i * Rfc6962.HashSize, Rfc6962.HashSize).ToArray();
        }

        return proof;
    }

    /// <summary>The most hashes an inclusion proof holds (a tree of at most 2^63 leaves).</summary>
    public const int MaxInclusionProofHashes = 63;

    /// <summary>
    /// The same audit path as <see cref="Inclusion(long, long, IHashReader)"/>, its hashes back to back in
    /// <paramref name="destination"/> (room for <see cref="MaxInclusionProofHashes"/> is always enough); returns how many.
    /// No arrays: for the receipt every accepted ballot is answered with.
    /// </summary>
    public static int Inclusion(long index, long treeSize, IHashReader reader, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (index < 0 || index >= treeSize)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Leaf {index} is not in a tree of size {treeSize}.");
        }

        int count = 0;
        Path(index, 0, treeSize, reader, destination, ref count);
        return count;
    }

    public static byte[][] Consistency(long oldSize, long newSize, IHashReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (oldSize < 0 || oldSize > newSize)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), $"No consistency proof from size {oldSize} to {newSize}.");
        }

        // RFC 9162 §2.1.4: the proof between equal sizes, or from the empty tree, is empty.
        if (oldSize == 0 || oldSize == newSize)
        {
            return [];
        }

        var proof = new List<byte[]>(64);
        SubProof(oldSize, 0, newSize, true, reader, proof);
        return [.. proof];
    }

    /// <summary>MTH(D[start:end]) for a range shaped like an RFC 6962 subtree (start aligned to the range's split).</summary>
    public static void SubtreeHash(long start, long end, IHashReader reader, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long size = end - start;
        if (size <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(end), "A subtree has at least one leaf.");
        }

        if (BitOperations.IsPow2(size) && start % size == 0)
        {
            reader.ReadNodeHash(BitOperations.Log2((ulong)size), start / size, destination);
            return;
        }

        long split = Rfc6962.SplitPoint(size);
        Span<byte> children = stackalloc byte[2 * Rfc6962.HashSize];
        SubtreeHash(start, start + split, reader, children[..Rfc6962.HashSize]);
        SubtreeHash(start + split, end, reader, children[Rfc6962.HashSize..]);
        Rfc6962.HashChildren(children[..Rfc6962.HashSize], children[Rfc6962.HashSize..], destination);
    }

    /// <summary>The root of the tree of <paramref name="treeSize"/> leaves.</summary>
    public static byte[] RootHash(long treeSize, IHashReader reader)
    {
        var root = new byte[Rfc6962.HashSize];
        if (treeSize == 0)
        {
            Rfc6962.EmptyRoot.CopyTo(root);
        }
        else
        {
            SubtreeHash(0, treeSize, reader, root);
        }

        return root;
    }

    // PATH(m, D[start:end]): the audit path for leaf m, leaves first, as RFC 6962 lists it; each element into the next
    // 32 bytes of the destination.
    private static void Path(long m, long start, long end, IHashReader reader, Span<byte> destination, ref int count)
    {
        long size = end - start;
        if (size == 1)
        {
            return;
        }

        long split = Rfc6962.SplitPoint(size);
        if (m - start < split)
        {
            Path(m, start, start + split, reader, destination, ref count);
            SubtreeHash(start + split, end, reader, destination.Slice(count * Rfc6962.HashSize, Rfc6962.HashSize));
        }
        else
        {
            Path(m, start + split, end, reader, destination, ref count);
            SubtreeHash(start, start + split, reader, destination.Slice(count * Rfc6962.HashSize, Rfc6962.HashSize));
        }

        count++;
    }

    // SUBPROOF(m, D[start:end], b) of RFC 6962 §2.1.2.
    private static void SubProof(long m, long start, long end, bool startsAtOldRoot, IHashReader reader, List<byte[]> proof)
    {
        long size = end - start;
        if (m == size)
        {
            if (!startsAtOldRoot)
            {
                proof.Add(Subtree(start, end, reader));
            }

            return;
        }

        long split = Rfc6962.SplitPoint(size);
        if (m <= split)
        {
            SubProof(m, start, start + split, startsAtOldRoot, reader, proof);
            proof.Add(Subtree(start + split, end, reader));
        }
        else
        {
            SubProof(m - split, start + split, end, false, reader, proof);
            proof.Add(Subtree(start, start + split, reader));
        }
    }

    private static byte[] Subtree(long start, long end, IHashReader reader)
    {
        var hash = new byte[Rfc6962.HashSize];
        SubtreeHash(start, end, reader, hash);
        return hash;
    }
}
