namespace KPops.Log.Tests;

/// <summary>The whole-tree check run after every step: the log must equal a naive tree built from the expected entries.</summary>
internal static class LogInvariants
{
    public static void AssertLogHolds(TransparencyLog log, IReadOnlyList<byte[]> expected)
    {
        Assert.Equal(expected.Count, log.Size);

        // The checkpoint is signed by the log key and commits to exactly these entries.
        Checkpoint checkpoint = LogVerifier.VerifyCheckpoint(log.Checkpoint.Note.Span, log.Verifier, log.Origin);
        Assert.Equal(expected.Count, checkpoint.Size);
        var reference = new ReferenceTree();
        foreach (byte[] entry in expected)
        {
            reference.Add(entry);
        }

        Assert.Equal(reference.Root(expected.Count), checkpoint.RootHash.ToArray());
        Assert.Equal(reference.Root(expected.Count), log.RootHash(expected.Count));

        // Every entry is at its index.
        int index = 0;
        foreach (LogEntry entry in log.ReadEntries(0, log.Size))
        {
            Assert.Equal(index, entry.Index);
            Assert.Equal(expected[index], entry.Data.ToArray());
            index++;
        }

        Assert.Equal(expected.Count, index);

        // Every tile and bundle is what tlog-tiles defines, and nothing past the tree is served.
        foreach (TilePath tile in TileLayout.HashTiles(log.Size))
        {
            Assert.Equal(reference.Tile(tile), log.ReadTile(tile));
        }

        foreach (TilePath bundle in TileLayout.EntryBundles(log.Size))
        {
            using var encoded = new EntryBatch();
            for (int i = 0; i < bundle.Width; i++)
            {
                encoded.Add(expected[(int)(bundle.StartLeaf + i)]);
            }

            Assert.Equal(encoded.Encoded.ToArray(), log.ReadTile(bundle));
        }

        long nextLeafTile = TileLayout.FullTileCount(log.Size, 0);
        Assert.Null(log.ReadTile(TilePath.Hashes(0, nextLeafTile)));
        Assert.Null(log.ReadTile(TilePath.EntryBundle(nextLeafTile, TileLayout.PartialTileWidth(log.Size, 0) + 1)));
    }
}
