namespace KPops.Log;

/// <summary>
/// Answers any perfect-subtree node from tile-level hashes: a node at tree level 8·L + r is the Merkle tree
/// hash of 2^r consecutive hashes of tile level L (r ≤ 7, so at most 128 hashes are combined per node).
/// </summary>
public sealed class TileLevelHashReader(ITileLevelHashSource source) : IHashReader
{
    public void ReadNodeHash(int level, long index, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        int tileLevel = level / TileLayout.TileHeight;
        int levelsWithinTile = level % TileLayout.TileHeight;
        int count = 1 << levelsWithinTile;
        Span<byte> hashes = stackalloc byte[count * Rfc6962.HashSize];
        source.ReadHashes(tileLevel, index << levelsWithinTile, hashes);
        Rfc6962.MerkleTreeHash(hashes, destination);
    }
}
