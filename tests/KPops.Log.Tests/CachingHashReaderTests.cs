namespace KPops.Log.Tests;

public class CachingHashReaderTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(1 << 16)]
    public void Remembered_nodes_are_the_nodes_the_tiles_define_whatever_the_memory_size(int slots)
    {
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using var storage = new MemoryLogStorage();
        using var log = TransparencyLog.Open(storage, signer, TestEntries.Origin);
        for (int batchNumber = 0; log.Size < 700; batchNumber++)
        {
            TestEntries.Append(log, TestEntries.Batch(batchNumber, 97));
        }

        var direct = new TileLevelHashReader(storage);
        var cached = new CachingHashReader(storage, slots);
        var expected = new byte[Rfc6962.HashSize];
        var actual = new byte[Rfc6962.HashSize];
        // Twice over every node of the tree, top-down then bottom-up: first answers are computed, later ones recalled
        // (or recomputed after a collision).
        int[] levels = [.. Enumerable.Range(0, 10).Reverse(), .. Enumerable.Range(0, 10)];
        foreach (int level in levels)
        {
            for (long index = 0; (index + 1) << level <= log.Size; index++)
            {
                direct.ReadNodeHash(level, index, expected);
                cached.ReadNodeHash(level, index, actual);
                Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public void Receipts_for_the_batch_just_committed_read_no_hashes_from_storage()
    {
        var random = new Random(20261127);
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using var storage = new HashReadCountingStorage(new MemoryLogStorage());
        using var log = TransparencyLog.Open(storage, signer, TestEntries.Origin);
        var reference = new ReferenceTree();
        for (int batchNumber = 0; log.Size < 3000; batchNumber++)
        {
            byte[][] batch = TestEntries.Batch(batchNumber, random.Next(1, 300));
            AppendResult result = TestEntries.Append(log, batch);
            foreach (byte[] entry in batch)
            {
                reference.Add(entry);
            }

            storage.HashReads = 0;
            byte[] root = reference.Root(log.Size);
            for (long index = result.FirstIndex; index < log.Size; index++)
            {
                byte[] leaf = log.LeafHash(index);
                Assert.True(LogVerifier.VerifyInclusion(leaf, index, log.Size, log.InclusionProof(index, log.Size), root));
            }

            // Every node those proofs need was completed by this batch or an earlier one, and remembered at its commit.
            Assert.Equal(0, storage.HashReads);
        }

        // A bulk batch (partner gateways; their answers carry no proofs) is not remembered: its proofs, if asked for,
        // are read from storage, and are as good.
        byte[][] bulk = TestEntries.Batch(10_000, 2_000);
        AppendResult bulkResult = TestEntries.Append(log, bulk);
        foreach (byte[] entry in bulk)
        {
            reference.Add(entry);
        }

        storage.HashReads = 0;
        byte[] bulkRoot = reference.Root(log.Size);
        for (long index = bulkResult.FirstIndex; index < log.Size; index += 97)
        {
            Assert.True(LogVerifier.VerifyInclusion(log.LeafHash(index), index, log.Size, log.InclusionProof(index, log.Size), bulkRoot));
        }

        Assert.True(storage.HashReads > 0);
    }

    [Fact]
    public void A_memory_that_is_not_a_power_of_two_is_refused()
    {
        using var storage = new MemoryLogStorage();
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachingHashReader(storage, 1000));
    }
}

/// <summary>Passes everything to <paramref name="inner"/>, counting reads of tile-level hashes.</summary>
internal sealed class HashReadCountingStorage(ILogStorage inner) : ILogStorage
{
    public int HashReads { get; set; }

    public bool IsEmpty => inner.IsEmpty;

    public byte[]? ReadCheckpoint() => inner.ReadCheckpoint();

    public void TruncateTo(long treeSize) => inner.TruncateTo(treeSize);

    public void AppendEntries(ReadOnlySpan<byte> encodedEntries, int count) => inner.AppendEntries(encodedEntries, count);

    public void AppendHashes(int tileLevel, ReadOnlySpan<byte> hashes) => inner.AppendHashes(tileLevel, hashes);

    public void Sync() => inner.Sync();

    public void ReplaceCheckpoint(ReadOnlySpan<byte> signedCheckpoint) => inner.ReplaceCheckpoint(signedCheckpoint);

    public byte[] ReadEntries(long start, int count) => inner.ReadEntries(start, count);

    public void ReadHashes(int tileLevel, long start, Span<byte> destination)
    {
        HashReads++;
        inner.ReadHashes(tileLevel, start, destination);
    }

    public void Dispose() => inner.Dispose();
}
