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
    public void A_memory_that_is_not_a_power_of_two_is_refused()
    {
        using var storage = new MemoryLogStorage();
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachingHashReader(storage, 1000));
    }
}
