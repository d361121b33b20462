namespace KPops.Log.Tests;

public class TransparencyLogTests
{
    [Fact]
    public void A_new_log_starts_with_a_signed_empty_checkpoint()
    {
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using var storage = new MemoryLogStorage();
        using var log = TransparencyLog.Open(storage, signer, TestEntries.Origin);
        Assert.Equal(0, log.Size);
        LogInvariants.AssertLogHolds(log, []);
        Assert.NotNull(storage.ReadCheckpoint());
    }

    [Fact]
    public void Trees_grown_in_random_batches_serve_correct_tiles_and_proofs_at_every_size()
    {
        var random = new Random(2024);
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using var storage = new MemoryLogStorage();
        using var log = TransparencyLog.Open(storage, signer, TestEntries.Origin);
        var expected = new List<byte[]>();
        var reference = new ReferenceTree();
        var checkpoints = new List<(long Size, byte[] Root)> { (0, Rfc6962.EmptyRoot.ToArray()) };

        for (int batchNumber = 0; expected.Count < 1100; batchNumber++)
        {
            int count = random.Next(0, 4) == 0 ? random.Next(0, 3) : random.Next(1, 160);
            byte[][] batch = TestEntries.Batch(batchNumber, count);
            AppendResult result = TestEntries.Append(log, batch);
            Assert.Equal(expected.Count, result.FirstIndex);
            Assert.Equal(count, result.Count);
            expected.AddRange(batch);
            foreach (byte[] entry in batch)
            {
                reference.Add(entry);
            }

            LogInvariants.AssertLogHolds(log, expected);
            long size = log.Size;
            byte[] root = log.Checkpoint.Checkpoint.RootHash.ToArray();

            // Inclusion of the batch's edges and a sample of all entries.
            for (int sample = 0; size > 0 && sample < 12; sample++)
            {
                long index = sample switch
                {
                    0 => Math.Min(result.FirstIndex, size - 1),
                    1 => size - 1,
                    _ => random.NextInt64(size),
                };
                AssertInclusion(log, expected, index, size, root);
            }

            // Consistency from every earlier checkpoint to this one.
            foreach ((long oldSize, byte[] oldRoot) in checkpoints)
            {
                byte[][] proof = log.ConsistencyProof(oldSize, size);
                Assert.True(LogVerifier.VerifyConsistency(oldSize, size, proof, oldRoot, root), $"{oldSize} → {size}");
            }

            checkpoints.Add((size, root));
        }

        // Finally: proofs against every earlier tree size still verify (its edges and a sample), and every
        // entry's proof against the final tree does.
        foreach ((long size, byte[] root) in checkpoints)
        {
            for (int sample = 0; size > 0 && sample < 12; sample++)
            {
                long index = sample switch { 0 => 0, 1 => size - 1, _ => random.NextInt64(size) };
                AssertInclusion(log, expected, index, size, root);
            }
        }

        for (long index = 0; index < log.Size; index++)
        {
            AssertInclusion(log, expected, index, log.Size, checkpoints[^1].Root);
        }
    }

    [Fact]
    public void A_large_batch_builds_the_same_tree_as_many_small_ones()
    {
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        byte[][] entries = TestEntries.Batch(1, 5000);
        using var largeStorage = new MemoryLogStorage();
        using var large = TransparencyLog.Open(largeStorage, signer, TestEntries.Origin);
        TestEntries.Append(large, entries);
        LogInvariants.AssertLogHolds(large, entries);

        using var smallStorage = new MemoryLogStorage();
        using var small = TransparencyLog.Open(smallStorage, signer, TestEntries.Origin);
        for (int start = 0; start < entries.Length; start += 100)
        {
            TestEntries.Append(small, entries[start..Math.Min(entries.Length, start + 100)]);
        }

        Assert.Equal(large.Checkpoint.Checkpoint.RootHash.ToArray(), small.Checkpoint.Checkpoint.RootHash.ToArray());
    }

    [Fact]
    public async Task Readers_see_only_committed_verifiable_data_while_the_sequencer_appends()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using var storage = FileLogStorage.Open(directory.Path);
        using var log = TransparencyLog.Open(storage, signer, TestEntries.Origin);
        using var done = new CancellationTokenSource();
        var all = new List<byte[]>();
        for (int i = 0; i < 40; i++)
        {
            all.AddRange(TestEntries.Batch(i, 37));
        }

        Task reader = Task.Run(() =>
        {
            int checks = 0;
            while (!done.IsCancellationRequested || checks == 0)
            {
                SignedCheckpoint snapshot = log.Checkpoint;
                long size = snapshot.Size;
                if (size == 0)
                {
                    continue;
                }

                long index = (checks * 7919L) % size;
                byte[][] proof = log.InclusionProof(index, size);
                Assert.True(LogVerifier.VerifyInclusion(Rfc6962.HashLeaf(log.ReadEntry(index)), index, size, proof, snapshot.Checkpoint.RootHash));
                foreach (TilePath tile in TileLayout.HashTiles(size))
                {
                    Assert.NotNull(log.ReadTile(tile));
                }

                checks++;
            }
        }, TestContext.Current.CancellationToken);

        for (int i = 0; i < 40; i++)
        {
            TestEntries.Append(log, all.GetRange(i * 37, 37).ToArray());
        }

        await done.CancelAsync();
        await reader;
        LogInvariants.AssertLogHolds(log, all);
    }

    [Fact]
    public void Appends_after_reopening_continue_the_same_tree()
    {
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using var storage = new MemoryLogStorage();
        var expected = new List<byte[]>();
        for (int round = 0; round < 4; round++)
        {
            using var log = TransparencyLog.Open(storage, signer, TestEntries.Origin);
            LogInvariants.AssertLogHolds(log, expected);
            byte[][] batch = TestEntries.Batch(round, 150);
            Assert.Equal(expected.Count, TestEntries.Append(log, batch).FirstIndex);
            expected.AddRange(batch);
            LogInvariants.AssertLogHolds(log, expected);
        }
    }

    [Fact]
    public void Entries_serialized_in_place_are_logged_as_written()
    {
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using var storage = new MemoryLogStorage();
        using var log = TransparencyLog.Open(storage, signer, TestEntries.Origin);
        using var batch = new EntryBatch(64);
        Span<byte> span = batch.GetEntrySpan(100);
        "ballot"u8.CopyTo(span);
        batch.CommitEntry(6);
        batch.Add("second"u8);
        AppendResult result = log.AppendBatch(batch);
        Assert.Equal(2, result.Count);
        Assert.Equal("ballot"u8.ToArray(), log.ReadEntry(0));
        Assert.Equal("second"u8.ToArray(), log.ReadEntry(1));
        Assert.Equal(Rfc6962.HashLeaf("ballot"u8), log.LeafHash(0));
    }

    [Fact]
    public void Reads_beyond_the_committed_tree_are_refused()
    {
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using var storage = new MemoryLogStorage();
        using var log = TransparencyLog.Open(storage, signer, TestEntries.Origin);
        TestEntries.Append(log, TestEntries.Batch(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.ReadEntry(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.InclusionProof(0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.ConsistencyProof(1, 4));
        Assert.Null(log.ReadTile(TilePath.Hashes(0, 0, 4)));
        Assert.NotNull(log.ReadTile(TilePath.Hashes(0, 0, 2)));
        Assert.Null(log.ReadTile(TilePath.Parse("tile/0/x009/x223/x372/x036/x854/x775/807")));
        Assert.Null(log.ReadTile(TilePath.Parse("tile/entries/x009/x223/x372/x036/x854/x775/807.p/3")));
        Assert.Null(log.ReadTile(TilePath.Parse("tile/63/x001/000")));
    }

    [Fact]
    public void A_log_will_not_open_with_another_key_or_origin()
    {
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using var impostor = NoteSigner.Generate(TestEntries.Origin);
        using var storage = new MemoryLogStorage();
        using (var log = TransparencyLog.Open(storage, signer, TestEntries.Origin))
        {
            TestEntries.Append(log, TestEntries.Batch(0, 5));
        }

        Assert.Throws<InvalidDataException>(() => TransparencyLog.Open(storage, impostor, TestEntries.Origin));
        Assert.Throws<InvalidDataException>(() => TransparencyLog.Open(storage, signer, "other.example/log"));
    }

    private static void AssertInclusion(TransparencyLog log, List<byte[]> expected, long index, long size, byte[] root)
    {
        byte[][] proof = log.InclusionProof(index, size);
        Assert.True(LogVerifier.VerifyInclusion(Rfc6962.HashLeaf(expected[(int)index]), index, size, proof, root), $"{index} in {size}");
    }
}
