namespace KPops.Log;

/// <summary>
/// Builds proofs from tiles the way tlog-tiles clients do: work out which tile-level hashes a proof needs,
/// fetch just those tiles (one per level crossed), and compute the proof from them. The tiles are untrusted;
/// the caller checks the resulting proof against a signed root.
/// </summary>
internal static class TileProofs
{
    public static async Task<TileHashes> FetchForAsync(ITileSource source, long treeSize, Action<IHashReader> compute, CancellationToken cancellationToken)
    {
        // Dry run: record the hash ranges the computation reads.
        var recorder = new TileHashes(treeSize);
        compute(new TileLevelHashReader(recorder));
        foreach ((int level, long index) in recorder.Requested)
        {
            int width = (int)Math.Min(TileLayout.TileWidth, TileLayout.HashCount(treeSize, level) - (index * TileLayout.TileWidth));
            var path = TilePath.Hashes(level, index, width);
            byte[] tile = await source.ReadAsync(path.ToString(), cancellationToken)
                ?? throw new LogVerificationException($"The log does not serve {path}.");
            if (tile.Length != width * Rfc6962.HashSize)
            {
                throw new LogVerificationException($"{path} has {tile.Length} bytes, not {width * Rfc6962.HashSize}.");
            }

            recorder.Add(level, index, tile);
        }

        return recorder;
    }

    /// <summary>Tile-level hashes by tile; in recording mode (tile missing) it notes the tile and returns zeros.</summary>
    internal sealed class TileHashes(long treeSize) : ITileLevelHashSource
    {
        private readonly Dictionary<(int Level, long Index), byte[]> _tiles = [];

        public SortedSet<(int Level, long Index)> Requested { get; } = [];

        public void Add(int level, long index, byte[] tile) => _tiles[(level, index)] = tile;

        public void ReadHashes(int tileLevel, long start, Span<byte> destination)
        {
            int count = destination.Length / Rfc6962.HashSize;
            if (start + count > TileLayout.HashCount(treeSize, tileLevel))
            {
                throw new InvalidOperationException($"Hashes {start}.. of level {tileLevel} are outside the tree.");
            }

            for (int i = 0; i < count; i++)
            {
                long hash = start + i;
                Span<byte> target = destination.Slice(i * Rfc6962.HashSize, Rfc6962.HashSize);
                if (_tiles.TryGetValue((tileLevel, hash / TileLayout.TileWidth), out byte[]? tile))
                {
                    tile.AsSpan((int)(hash % TileLayout.TileWidth) * Rfc6962.HashSize, Rfc6962.HashSize).CopyTo(target);
                }
                else
                {
                    Requested.Add((tileLevel, hash / TileLayout.TileWidth));
                    target.Clear();
                }
            }
        }
    }
}
