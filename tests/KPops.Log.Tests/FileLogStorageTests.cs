namespace KPops.Log.Tests;

public class FileLogStorageTests
{
    [Fact]
    public void Garbage_after_the_committed_tree_is_cut_off_on_reopen()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        var expected = new List<byte[]>();
        DiskLog.Session(directory, signer, log =>
        {
            for (int batch = 0; batch < 3; batch++)
            {
                byte[][] entries = TestEntries.Batch(batch, 200);
                TestEntries.Append(log, entries);
                expected.AddRange(entries);
            }
        });

        // A torn write of the next batch: a partial entry, a partial offset, partial hashes.
        AppendBytes(directory, "entries.bin", [0x00, 0x40, 1, 2, 3]);
        AppendBytes(directory, "entries.idx", [0, 0, 9]);
        AppendBytes(directory, "hashes.0.bin", new byte[45]);
        AppendBytes(directory, "hashes.1.bin", new byte[64]);

        DiskLog.Session(directory, signer, log =>
        {
            LogInvariants.AssertLogHolds(log, expected);
            byte[][] more = TestEntries.Batch(9, 120);
            Assert.Equal(600, TestEntries.Append(log, more).FirstIndex);
            expected.AddRange(more);
            LogInvariants.AssertLogHolds(log, expected);
        });

        DiskLog.Session(directory, signer, log => LogInvariants.AssertLogHolds(log, expected));
    }

    [Fact]
    public void Missing_committed_data_is_reported_as_corruption()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        DiskLog.Session(directory, signer, log => TestEntries.Append(log, TestEntries.Batch(0, 300)));

        string entries = Path.Combine(directory.Path, "entries.bin");
        File.WriteAllBytes(entries, File.ReadAllBytes(entries)[..^10]);
        using var reopened = FileLogStorage.Open(directory.Path);
        Assert.Throws<InvalidDataException>(() => TransparencyLog.Open(reopened, signer, TestEntries.Origin));
    }

    [Fact]
    public void A_tampered_hash_on_the_right_edge_is_caught_when_the_root_is_recomputed()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        DiskLog.Session(directory, signer, log => TestEntries.Append(log, TestEntries.Batch(0, 300)));

        // The root of the first complete tile (level 1) is on the right edge of a 300-leaf tree. (The leaf hashes of
        // the partial tile after it are rebuilt from the entries on open, so tampering with those is repaired.)
        string hashes = Path.Combine(directory.Path, "hashes.1.bin");
        byte[] bytes = File.ReadAllBytes(hashes);
        bytes[^1] ^= 1;
        File.WriteAllBytes(hashes, bytes);
        using var reopened = FileLogStorage.Open(directory.Path);
        Assert.Throws<InvalidDataException>(() => TransparencyLog.Open(reopened, signer, TestEntries.Origin));
    }

    [Theory]
    [InlineData(300, "cut")]
    [InlineData(300, "zeros")]
    [InlineData(300, "garbage")]
    [InlineData(120, "no-file")]
    public void Leaf_hashes_of_the_last_partial_tile_lost_with_the_power_are_rebuilt_from_the_entries(int size, string loss)
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        var expected = new List<byte[]>();
        DiskLog.Session(directory, signer, log =>
        {
            for (int batch = 0; expected.Count < size; batch++)
            {
                byte[][] entries = TestEntries.Batch(batch, Math.Min(40, size - expected.Count));
                TestEntries.Append(log, entries);
                expected.AddRange(entries);
            }
        });

        // Sync flushes leaf hashes only with the batch that completes a tile: those of the last partial tile (from
        // entry 256, or all of them below 256) may be gone after a power cut, or be zeros or junk.
        string leaves = Path.Combine(directory.Path, "hashes.0.bin");
        long durable = size / 256 * 256 * 32L;
        switch (loss)
        {
            case "cut":
                using (var file = File.OpenHandle(leaves, FileMode.Open, FileAccess.ReadWrite))
                {
                    RandomAccess.SetLength(file, durable);
                }

                break;
            case "zeros":
            case "garbage":
                byte[] bytes = File.ReadAllBytes(leaves);
                for (long i = durable; i < bytes.Length; i++)
                {
                    bytes[i] = loss == "zeros" ? (byte)0 : (byte)(i * 31);
                }

                File.WriteAllBytes(leaves, bytes);
                break;
            default:
                File.Delete(leaves);
                break;
        }

        DiskLog.Session(directory, signer, log =>
        {
            LogInvariants.AssertLogHolds(log, expected);
            byte[][] more = TestEntries.Batch(99, 30);
            TestEntries.Append(log, more);
            expected.AddRange(more);
            LogInvariants.AssertLogHolds(log, expected);
        });
    }

    [Fact]
    public async Task Committed_leaf_hashes_stay_readable_while_the_log_is_reopened()
    {
        // After a failed append the server re-opens the log while receipts are still being read from the same files.
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        DiskLog.Session(directory, signer, log => TestEntries.Append(log, TestEntries.Batch(0, 300)));
        using var reader = FileLogStorage.OpenReadOnly(directory.Path);
        using var stop = new CancellationTokenSource();
        int failures = 0;
        var reading = Task.Run(
            () =>
        {
            var hash = new byte[32];
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    reader.ReadHashes(0, 299, hash);
                }
                catch (InvalidDataException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        },
            TestContext.Current.CancellationToken);

        for (int reopen = 0; reopen < 300; reopen++)
        {
            using var storage = FileLogStorage.Open(directory.Path);
            using var log = TransparencyLog.Open(storage, signer, TestEntries.Origin);
        }

        stop.Cancel();
        await reading;
        Assert.Equal(0, failures);
    }

    [Fact]
    public void Lost_leaf_hashes_of_a_complete_tile_are_corruption()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        DiskLog.Session(directory, signer, log =>
        {
            TestEntries.Append(log, TestEntries.Batch(0, 200));
            TestEntries.Append(log, TestEntries.Batch(1, 100));
        });

        using (var file = File.OpenHandle(Path.Combine(directory.Path, "hashes.0.bin"), FileMode.Open, FileAccess.ReadWrite))
        {
            RandomAccess.SetLength(file, 200 * 32);
        }

        using var reopened = FileLogStorage.Open(directory.Path);
        Assert.Throws<InvalidDataException>(() => TransparencyLog.Open(reopened, signer, TestEntries.Origin));
    }

    [Fact]
    public void Data_without_a_checkpoint_is_not_silently_discarded()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        DiskLog.Session(directory, signer, log => TestEntries.Append(log, TestEntries.Batch(0, 5)));

        File.Delete(Path.Combine(directory.Path, CheckpointSlots.FileName));
        using var reopened = FileLogStorage.Open(directory.Path);
        Assert.Throws<InvalidDataException>(() => TransparencyLog.Open(reopened, signer, TestEntries.Origin));
        Assert.False(reopened.IsEmpty);
    }

    [Fact]
    public void Only_one_writer_may_open_a_data_directory()
    {
        using var directory = new TempDirectory();
        using var first = FileLogStorage.Open(directory.Path);
        Assert.ThrowsAny<IOException>(() => FileLogStorage.Open(directory.Path));
    }

    private static void AppendBytes(TempDirectory directory, string file, byte[] bytes)
    {
        using var stream = new FileStream(Path.Combine(directory.Path, file), FileMode.Append);
        stream.Write(bytes);
    }
}
