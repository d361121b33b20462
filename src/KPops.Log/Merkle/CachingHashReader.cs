using System.Runtime.CompilerServices;

namespace KPops.Log;

/// <summary>
/// <see cref="TileLevelHashReader"/> with a bounded memory of the nodes it has answered. A perfect subtree's hash
/// never changes once its leaves are committed, so a remembered node is as good as a recomputed one. Receipts are
/// asked for the newest entries, whose proofs share nearly every node with their neighbours': without this, each
/// proof re-read and re-hashed up to 128 tile-level hashes per element (a few hundred SHA-256 per receipt).
/// <para>
/// Only ask for nodes of the committed tree (as proofs against a committed checkpoint do): a node remembered from
/// data past the commit point would outlive a truncation. Safe to call from any thread.
/// </para>
/// </summary>
// The stack buffers are fully written before they are read.
[SkipLocalsInit]
public sealed class CachingHashReader : IHashReader
{
    private const int DefaultSlots = 1 << 16;

    private readonly ITileLevelHashSource _source;
    private readonly Node?[] _slots;
    private readonly int _mask;

    /// <param name="source">Where tile-level hashes are read from.</param>
    /// <param name="slots">How many nodes are remembered (a power of two; each costs about 80 bytes).</param>
    public CachingHashReader(ITileLevelHashSource source, int slots = DefaultSlots)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (slots < 1 || (slots & (slots - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slots), "The slot count must be a power of two.");
        }

        _source = source;
        _slots = new Node?[slots];
        _mask = slots - 1;
    }

    public void ReadNodeHash(int level, long index, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (TryRecall(level, index, destination))
        {
            return;
        }

        int tileLevel = level / TileLayout.TileHeight;
        int levelsWithinTile = level % TileLayout.TileHeight;
        if (levelsWithinTile == 0)
        {
            _source.ReadHashes(tileLevel, index, destination[..Rfc6962.HashSize]);
            Remember(level, index, destination);
            return;
        }

        // One read of the 2^r tile-level hashes under the node, folded level by level in place: every interior node
        // on the way is remembered too, since the neighbours' proofs ask for them next.
        int count = 1 << levelsWithinTile;
        Span<byte> hashes = stackalloc byte[count * Rfc6962.HashSize];
        _source.ReadHashes(tileLevel, index << levelsWithinTile, hashes);
        for (int height = 1; height <= levelsWithinTile; height++)
        {
            int nodes = count >> height;
            long first = index << (levelsWithinTile - height);
            for (int j = 0; j < nodes; j++)
            {
                Span<byte> parent = hashes.Slice(j * Rfc6962.HashSize, Rfc6962.HashSize);
                Rfc6962.HashChildren(
                    hashes.Slice(2 * j * Rfc6962.HashSize, Rfc6962.HashSize),
                    hashes.Slice(((2 * j) + 1) * Rfc6962.HashSize, Rfc6962.HashSize),
                    parent);
                Remember((tileLevel * TileLayout.TileHeight) + height, first + j, parent);
            }
        }

        hashes[..Rfc6962.HashSize].CopyTo(destination);
    }

    /// <summary>
    /// Remembers a node the caller computed itself — the log, for the leaves and subtrees a batch has just committed,
    /// so that the receipts for that batch, which ask for exactly those, read nothing from storage. Only for nodes of
    /// the committed tree, as for <see cref="ReadNodeHash"/>.
    /// </summary>
    public void Prime(int level, long index, ReadOnlySpan<byte> hash)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(hash.Length, Rfc6962.HashSize);
        Remember(level, index, hash);
    }

    private bool TryRecall(int level, long index, Span<byte> destination)
    {
        Node? node = Volatile.Read(ref _slots[SlotOf(level, index)]);
        if (node is null || node.Level != level || node.Index != index)
        {
            return false;
        }

        ReadOnlySpan<byte> hash = node.Hash;
        hash.CopyTo(destination);
        return true;
    }

    private void Remember(int level, long index, ReadOnlySpan<byte> hash) =>
        // A whole new node per slot, published with one reference write, so a reader sees an old node or a new one,
        // never a mix of both.
        Volatile.Write(ref _slots[SlotOf(level, index)], new Node(level, index, hash));

    // Neighbouring nodes of a level get neighbouring slots (no collisions among the newest 65,536 of a level); each
    // level starts at its own offset.
    private int SlotOf(int level, long index) => (int)((ulong)index + ((ulong)level * 0x9E3779B97F4A7C15UL >> 32)) & _mask;

    private sealed class Node
    {
        public Node(int level, long index, ReadOnlySpan<byte> hash)
        {
            Level = level;
            Index = index;
            hash[..Rfc6962.HashSize].CopyTo(Hash);
        }

        public int Level { get; }

        public long Index { get; }

        public HashBytes Hash;
    }

    [InlineArray(Rfc6962.HashSize)]
    private struct HashBytes
    {
        private byte _first;
    }
}
