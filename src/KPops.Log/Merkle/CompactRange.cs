using System.Numerics;

namespace KPops.Log;

/// <summary>
/// The right edge of a Merkle tree of a given size: one perfect-subtree root per set bit of the size. It is
/// everything needed to append leaves and compute the root, so integrating a batch is a pure function of
/// (this range, new leaf hashes) → (new range, completed nodes) with no reads from storage.
/// </summary>
public sealed class CompactRange
{
    private const int MaxLevels = 64;

    // Slot h holds the root of the perfect subtree of height h on the right edge, valid when bit h of Size is set.
    private readonly byte[] _nodes = new byte[MaxLevels * Rfc6962.HashSize];

    public long Size { get; private set; }

    public CompactRange Clone()
    {
        var copy = new CompactRange();
        CopyTo(copy);
        return copy;
    }

    /// <summary>Overwrites <paramref name="target"/> with this range, so a sequencer can reuse two instances.</summary>
    public void CopyTo(CompactRange target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Size = Size;
        _nodes.CopyTo(target._nodes, 0);
    }

    /// <summary>Rebuilds the right edge of a stored tree by reading one node per set bit of <paramref name="size"/>.</summary>
    public static CompactRange FromStoredTree(long size, IHashReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var range = new CompactRange { Size = size };
        for (int level = 0; level < MaxLevels; level++)
        {
            if ((size & (1L << level)) != 0)
            {
                long index = (size >> level) - 1;
                reader.ReadNodeHash(level, index, range.Slot(level));
            }
        }

        return range;
    }

    /// <summary>
    /// Appends one leaf hash. Every perfect subtree this completes is reported to <paramref name="completed"/>
    /// (level ≥ 1), which is how tile-level hashes are produced without re-reading anything.
    /// </summary>
    public void Append(ReadOnlySpan<byte> leafHash, ICompletedNodeSink? completed = null)
    {
        Span<byte> current = stackalloc byte[Rfc6962.HashSize];
        leafHash[..Rfc6962.HashSize].CopyTo(current);
        long newSize = Size + 1;
        int level = 0;
        while ((Size & (1L << level)) != 0)
        {
            Rfc6962.HashChildren(Slot(level), current, current);
            level++;
            completed?.OnNodeCompleted(level, (newSize >> level) - 1, current);
        }

        current.CopyTo(Slot(level));
        Size = newSize;
    }

    /// <summary>The Merkle tree hash of the whole range: the right-edge nodes folded from the smallest up.</summary>
    public void RootHash(Span<byte> destination)
    {
        if (Size == 0)
        {
            Rfc6962.EmptyRoot.CopyTo(destination);
            return;
        }

        int lowest = BitOperations.TrailingZeroCount(Size);
        Span<byte> root = stackalloc byte[Rfc6962.HashSize];
        Slot(lowest).CopyTo(root);
        for (int level = lowest + 1; level < MaxLevels; level++)
        {
            if ((Size & (1L << level)) != 0)
            {
                Rfc6962.HashChildren(Slot(level), root, root);
            }
        }

        root.CopyTo(destination);
    }

    public byte[] RootHash()
    {
        var root = new byte[Rfc6962.HashSize];
        RootHash(root);
        return root;
    }

    private Span<byte> Slot(int level) => _nodes.AsSpan(level * Rfc6962.HashSize, Rfc6962.HashSize);
}

/// <summary>Receives the root of each perfect subtree as <see cref="CompactRange.Append"/> completes it.</summary>
public interface ICompletedNodeSink
{
    /// <summary>The subtree covering leaves [index·2^level, (index+1)·2^level) now has hash <paramref name="hash"/>.</summary>
    void OnNodeCompleted(int level, long index, ReadOnlySpan<byte> hash);
}
