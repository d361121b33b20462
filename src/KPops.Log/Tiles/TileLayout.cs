namespace KPops.Log;

/// <summary>
/// The tlog-tiles geometry: tiles are 8 tree levels high, so a full tile holds 256 hashes (8,192 bytes) and
/// tile level L holds the roots of complete 256^L-leaf subtrees.
/// </summary>
public static class TileLayout
{
    public const int TileHeight = 8;
    public const int TileWidth = 1 << TileHeight;
    public const int FullTileBytes = TileWidth * Rfc6962.HashSize;
    public const int MaxLevel = 63;

    /// <summary>How many hashes tile level <paramref name="level"/> has for a tree of <paramref name="treeSize"/> leaves: ⌊size / 256^L⌋.</summary>
    public static long HashCount(long treeSize, int level) =>
        level * TileHeight >= 63 ? 0 : treeSize >> (level * TileHeight);

    public static long FullTileCount(long treeSize, int level) => HashCount(treeSize, level) >> TileHeight;

    /// <summary>Width of the rightmost partial tile at this level, 0 when there is none (⌊size / 256^L⌋ mod 256).</summary>
    public static int PartialTileWidth(long treeSize, int level) => (int)(HashCount(treeSize, level) & (TileWidth - 1));

    /// <summary>Number of tile levels that hold at least one hash.</summary>
    public static int LevelCount(long treeSize)
    {
        int levels = 0;
        while (HashCount(treeSize, levels) > 0)
        {
            levels++;
        }

        return levels;
    }

    /// <summary>Every hash tile a tree of this size consists of: all full tiles and the partial tile of each level.</summary>
    public static IEnumerable<TilePath> HashTiles(long treeSize)
    {
        for (int level = 0; level < LevelCount(treeSize); level++)
        {
            foreach (TilePath tile in TilesAtLevel(treeSize, level, isEntryBundle: false))
            {
                yield return tile;
            }
        }
    }

    /// <summary>Every entry bundle of a tree of this size (same shape as level 0).</summary>
    public static IEnumerable<TilePath> EntryBundles(long treeSize) => TilesAtLevel(treeSize, 0, isEntryBundle: true);

    private static IEnumerable<TilePath> TilesAtLevel(long treeSize, int level, bool isEntryBundle)
    {
        long full = FullTileCount(treeSize, level);
        for (long index = 0; index < full; index++)
        {
            yield return isEntryBundle ? TilePath.EntryBundle(index) : TilePath.Hashes(level, index);
        }

        int partial = PartialTileWidth(treeSize, level);
        if (partial > 0)
        {
            yield return isEntryBundle ? TilePath.EntryBundle(full, partial) : TilePath.Hashes(level, full, partial);
        }
    }
}
