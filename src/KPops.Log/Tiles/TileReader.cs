namespace KPops.Log;

/// <summary>Reads tlog-tiles resources out of log storage, refusing anything the given tree size does not cover.</summary>
internal static class TileReader
{
    public static byte[]? Read(ILogStorage storage, TilePath tile, long treeSize)
    {
        // The tile's last hash (or entry) must exist in the tree: (N·256 + W) hashes at its level. The index
        // comes from a request path, so rule out overflow before multiplying.
        long available = TileLayout.HashCount(treeSize, tile.Level);
        if (tile.Index > available / TileLayout.TileWidth
            || (tile.Index * TileLayout.TileWidth) + tile.Width > available)
        {
            return null;
        }

        if (tile.IsEntryBundle)
        {
            return storage.ReadEntries(tile.Index * TileLayout.TileWidth, tile.Width);
        }

        var hashes = new byte[tile.Width * Rfc6962.HashSize];
        storage.ReadHashes(tile.Level, tile.Index * TileLayout.TileWidth, hashes);
        return hashes;
    }
}
