namespace KPops.Log.Tests;

/// <summary>
/// A deliberately naive Merkle tree: every hash recomputed from the leaves with the RFC 6962 definition.
/// The log's incremental, tiled machinery is checked against it.
/// </summary>
internal sealed class ReferenceTree
{
    private readonly List<byte[]> _leafHashes = [];

    public long Size => _leafHashes.Count;

    public void Add(ReadOnlySpan<byte> entry) => _leafHashes.Add(Rfc6962.HashLeaf(entry));

    public byte[] Root(long size) => Mth(0, size);

    /// <summary>MTH(D[start:end]) straight from the leaf hashes.</summary>
    public byte[] Mth(long start, long end)
    {
        byte[] leaves = new byte[(end - start) * Rfc6962.HashSize];
        for (long i = start; i < end; i++)
        {
            _leafHashes[(int)i].CopyTo(leaves, (i - start) * Rfc6962.HashSize);
        }

        return Rfc6962.MerkleTreeHash(leaves);
    }

    /// <summary>The bytes tlog-tiles defines for a hash tile: hash i is MTH(D[(N·256+i)·256^L : (N·256+i+1)·256^L]).</summary>
    public byte[] Tile(TilePath tile)
    {
        long span = 1L << (TileLayout.TileHeight * tile.Level);
        var bytes = new byte[tile.Width * Rfc6962.HashSize];
        for (int i = 0; i < tile.Width; i++)
        {
            long first = ((tile.Index * TileLayout.TileWidth) + i) * span;
            Mth(first, first + span).CopyTo(bytes, i * Rfc6962.HashSize);
        }

        return bytes;
    }
}
