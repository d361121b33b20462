using System.Runtime.CompilerServices;

namespace KPops.Log;

/// <summary>
/// Audits a tiled log through any <see cref="ITileSource"/>: verifies the signed checkpoint, recomputes the
/// tree from its tiles and checks it against the checkpoint's root, and streams entries, each checked
/// against its leaf hash. Everything a source returns is treated as hostile until it hashes correctly;
/// any mismatch throws <see cref="LogVerificationException"/> naming the resource.
/// </summary>
public sealed class TileLogClient(ITileSource source)
{
    /// <summary>Fetches <c>checkpoint</c> and verifies it with the log's key (and origin, when given).</summary>
    public async Task<Checkpoint> ReadCheckpointAsync(NoteVerifier verifier, string? expectedOrigin = null, CancellationToken cancellationToken = default)
    {
        byte[] note = await source.ReadAsync("checkpoint", cancellationToken)
            ?? throw new LogVerificationException("The log serves no checkpoint.");
        return LogVerifier.VerifyCheckpoint(note, verifier, expectedOrigin);
    }

    /// <summary>Checks every hash tile of the tree against <paramref name="checkpoint"/>, leaf tiles included.</summary>
    public async Task VerifyTreeAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        VerifiedTileTree tree = await LoadVerifiedTreeAsync(checkpoint, cancellationToken);
        long fullLeafTiles = TileLayout.FullTileCount(checkpoint.Size, 0);
        for (long index = 0; index < fullLeafTiles; index++)
        {
            await FetchLeafTileAsync(tree, index, TileLayout.TileWidth, cancellationToken);
        }
    }

    /// <summary>
    /// Streams entries [<paramref name="start"/>, size) of the tree <paramref name="checkpoint"/> describes,
    /// one bundle at a time. Each yielded entry has been checked to hash into the verified tree.
    /// </summary>
    public async IAsyncEnumerable<LogEntry> ReadEntriesAsync(Checkpoint checkpoint, long start = 0,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        VerifiedTileTree tree = await LoadVerifiedTreeAsync(checkpoint, cancellationToken);
        long size = checkpoint.Size;
        for (long bundle = start / TileLayout.TileWidth; bundle * TileLayout.TileWidth < size; bundle++)
        {
            int width = (int)Math.Min(TileLayout.TileWidth, size - (bundle * TileLayout.TileWidth));
            byte[] leafHashes = await FetchLeafTileAsync(tree, bundle, width, cancellationToken);
            TilePath path = TilePath.EntryBundle(bundle, width);
            byte[] entries = await source.ReadAsync(path.ToString(), cancellationToken)
                ?? throw new LogVerificationException($"The log does not serve {path}.");
            int offset = 0;
            for (int i = 0; i < width; i++)
            {
                if (!TryReadEntry(entries, ref offset, out int entryStart, out int length))
                {
                    throw new LogVerificationException($"{path} is not a bundle of {width} entries.");
                }

                if (!Rfc6962.HashLeaf(entries.AsSpan(entryStart, length)).AsSpan().SequenceEqual(leafHashes.AsSpan(i * Rfc6962.HashSize, Rfc6962.HashSize)))
                {
                    throw new LogVerificationException($"Entry {(bundle * TileLayout.TileWidth) + i} in {path} does not match its leaf hash.");
                }

                long index = (bundle * TileLayout.TileWidth) + i;
                if (index >= start)
                {
                    yield return new LogEntry(index, entries.AsMemory(entryStart, length));
                }
            }

            if (offset != entries.Length)
            {
                throw new LogVerificationException($"{path} has bytes after its {width} entries.");
            }
        }
    }

    /// <summary>
    /// Checks that the tree <paramref name="older"/> describes is a prefix of the one <paramref name="newer"/>
    /// describes, by recomputing the older root from the newer tree's verified tiles: a log that rewrote or
    /// dropped history cannot pass. Both checkpoints must already be verified.
    /// </summary>
    public async Task VerifyConsistencyAsync(Checkpoint older, Checkpoint newer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        if (older.Size > newer.Size)
        {
            throw new LogVerificationException($"The log shrank from {older.Size} to {newer.Size} entries.");
        }

        VerifiedTileTree tree = await LoadVerifiedTreeAsync(newer, cancellationToken);
        long leafTile = older.Size / TileLayout.TileWidth;
        if (older.Size % TileLayout.TileWidth != 0 && leafTile < TileLayout.FullTileCount(newer.Size, 0))
        {
            tree.UseLeafTile(leafTile, await FetchLeafTileAsync(tree, leafTile, TileLayout.TileWidth, cancellationToken));
        }

        byte[] root = MerkleProofs.RootHash(older.Size, new TileLevelHashReader(tree));
        if (!root.AsSpan().SequenceEqual(older.RootHash))
        {
            throw new LogVerificationException($"The tree of size {older.Size} is not a prefix of the tree of size {newer.Size}.");
        }
    }

    /// <summary>
    /// The inclusion proof of entry <paramref name="index"/> in the tree of <paramref name="checkpoint"/>, computed
    /// from the few tiles it needs and checked against the checkpoint's root. Returns the proof and the leaf hash.
    /// </summary>
    public async Task<(byte[][] Proof, byte[] LeafHash)> InclusionProofAsync(long index, Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, checkpoint.Size);
        var leafHash = new byte[Rfc6962.HashSize];
        TileProofs.TileHashes tiles = await TileProofs.FetchForAsync(source, checkpoint.Size, dryRun =>
        {
            _ = MerkleProofs.Inclusion(index, checkpoint.Size, dryRun);
            dryRun.ReadNodeHash(0, index, leafHash);
        }, cancellationToken);

        var reader = new TileLevelHashReader(tiles);
        byte[][] proof = MerkleProofs.Inclusion(index, checkpoint.Size, reader);
        reader.ReadNodeHash(0, index, leafHash);
        if (!LogVerifier.VerifyInclusion(leafHash, index, checkpoint.Size, proof, checkpoint.RootHash))
        {
            throw new LogVerificationException($"The tiles do not prove entry {index} in the tree of size {checkpoint.Size}.");
        }

        return (proof, leafHash);
    }

    /// <summary>Entry <paramref name="index"/>, fetched from its bundle and proven to be in the tree of <paramref name="checkpoint"/>.</summary>
    public async Task<byte[]> ReadEntryAsync(long index, Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        (_, byte[] leafHash) = await InclusionProofAsync(index, checkpoint, cancellationToken);
        long bundle = index / TileLayout.TileWidth;
        var path = TilePath.EntryBundle(bundle, (int)Math.Min(TileLayout.TileWidth, checkpoint.Size - (bundle * TileLayout.TileWidth)));
        byte[] entries = await source.ReadAsync(path.ToString(), cancellationToken)
            ?? throw new LogVerificationException($"The log does not serve {path}.");
        var reader = new EntryBundleReader(entries);
        for (long i = bundle * TileLayout.TileWidth; i <= index; i++)
        {
            if (!reader.TryReadNext(out ReadOnlySpan<byte> entry))
            {
                throw new LogVerificationException($"{path} is not a bundle of {path.Width} entries.");
            }

            if (i == index)
            {
                if (!Rfc6962.HashLeaf(entry).AsSpan().SequenceEqual(leafHash))
                {
                    throw new LogVerificationException($"Entry {index} in {path} does not match its proven leaf hash.");
                }

                return entry.ToArray();
            }
        }

        throw new LogVerificationException($"{path} does not hold entry {index}.");
    }

    private static bool TryReadEntry(byte[] bundle, ref int offset, out int entryStart, out int length)
    {
        var reader = new EntryBundleReader(bundle.AsSpan(offset));
        entryStart = offset + EntryBundle.LengthPrefixSize;
        if (!reader.TryReadNext(out ReadOnlySpan<byte> entry))
        {
            length = 0;
            return false;
        }

        length = entry.Length;
        offset += reader.Consumed;
        return true;
    }

    // A level-0 tile, bound to the verified tree: a full tile through its hash at level 1, the partial
    // tail by equality with the tail the root was computed from.
    private async Task<byte[]> FetchLeafTileAsync(VerifiedTileTree tree, long index, int width, CancellationToken cancellationToken)
    {
        byte[] tile = await FetchTileAsync(TilePath.Hashes(0, index, width), cancellationToken);
        if (width < TileLayout.TileWidth)
        {
            if (!tile.AsSpan().SequenceEqual(tree.LeafTail))
            {
                throw new LogVerificationException($"{TilePath.Hashes(0, index, width)} does not match the verified tree.");
            }

            return tile;
        }

        tree.CheckFullTile(0, index, tile);
        return tile;
    }

    private async Task<byte[]> FetchTileAsync(TilePath path, CancellationToken cancellationToken)
    {
        byte[] tile = await source.ReadAsync(path.ToString(), cancellationToken)
            ?? throw new LogVerificationException($"The log does not serve {path}.");
        if (tile.Length != path.Width * Rfc6962.HashSize)
        {
            throw new LogVerificationException($"{path} has {tile.Length} bytes, not {path.Width * Rfc6962.HashSize}.");
        }

        return tile;
    }

    // Fetches the tiles of levels ≥ 1 and the partial leaf tile, binds each full tile to its parent hash,
    // and checks that the partial tiles yield the checkpoint's root.
    private async Task<VerifiedTileTree> LoadVerifiedTreeAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        long size = checkpoint.Size;
        int levels = TileLayout.LevelCount(size);
        var hashes = new byte[Math.Max(levels, 1)][];
        hashes[0] = [];
        for (int level = 1; level < levels; level++)
        {
            hashes[level] = new byte[TileLayout.HashCount(size, level) * Rfc6962.HashSize];
            long full = TileLayout.FullTileCount(size, level);
            int partial = TileLayout.PartialTileWidth(size, level);
            for (long index = 0; index < full + (partial > 0 ? 1 : 0); index++)
            {
                int width = index < full ? TileLayout.TileWidth : partial;
                byte[] tile = await FetchTileAsync(TilePath.Hashes(level, index, width), cancellationToken);
                tile.CopyTo(hashes[level], index * TileLayout.FullTileBytes);
            }
        }

        int tailWidth = TileLayout.PartialTileWidth(size, 0);
        byte[] tail = tailWidth == 0 ? [] : await FetchTileAsync(TilePath.Hashes(0, TileLayout.FullTileCount(size, 0), tailWidth), cancellationToken);
        var tree = new VerifiedTileTree(size, hashes, tail);
        for (int level = 1; level < levels; level++)
        {
            for (long index = 0; index < TileLayout.FullTileCount(size, level); index++)
            {
                tree.CheckFullTile(level, index, hashes[level].AsSpan((int)(index * TileLayout.FullTileBytes), TileLayout.FullTileBytes));
            }
        }

        byte[] root = MerkleProofs.RootHash(size, new TileLevelHashReader(tree));
        if (!root.AsSpan().SequenceEqual(checkpoint.RootHash))
        {
            throw new LogVerificationException($"The tiles do not produce the root hash of the checkpoint of size {size}.");
        }

        return tree;
    }

    private sealed class VerifiedTileTree(long size, byte[][] hashes, byte[] leafTail) : ITileLevelHashSource
    {
        // The one run of leaf hashes held in memory: the partial leaf tile, or another verified leaf tile.
        private long _leafStart = TileLayout.FullTileCount(size, 0) * TileLayout.TileWidth;
        private byte[] _leaves = leafTail;
        private readonly byte[] _tail = leafTail;

        public ReadOnlySpan<byte> LeafTail => _tail;

        public void UseLeafTile(long index, byte[] tile)
        {
            _leafStart = index * TileLayout.TileWidth;
            _leaves = tile;
        }

        public void CheckFullTile(int level, long index, ReadOnlySpan<byte> tile)
        {
            Span<byte> computed = stackalloc byte[Rfc6962.HashSize];
            Rfc6962.MerkleTreeHash(tile, computed);
            if (!computed.SequenceEqual(hashes[level + 1].AsSpan((int)(index * Rfc6962.HashSize), Rfc6962.HashSize)))
            {
                throw new LogVerificationException($"{TilePath.Hashes(level, index)} does not match its hash in tile level {level + 1}.");
            }
        }

        public void ReadHashes(int tileLevel, long start, Span<byte> destination)
        {
            // The root of a tree only needs the partial tile of each level: perfect subtrees below 256 leaves
            // lie in the last leaf tile, larger ones come from levels ≥ 1.
            if (tileLevel == 0)
            {
                long offset = (start - _leafStart) * Rfc6962.HashSize;
                if (offset < 0 || offset + destination.Length > _leaves.Length)
                {
                    throw new InvalidOperationException("Only one leaf tile is held in memory.");
                }

                _leaves.AsSpan((int)offset, destination.Length).CopyTo(destination);
                return;
            }

            hashes[tileLevel].AsSpan((int)(start * Rfc6962.HashSize), destination.Length).CopyTo(destination);
        }
    }
}
