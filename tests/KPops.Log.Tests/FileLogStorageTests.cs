namespace KPops.Log.Tests;

public class FileLogStorageTests
{
    [Fact]
    public void Garbage_after_the_committed_tree_is_cut_off_on_reopen()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        var expected = new List<byte[]>();
        using (var storage = FileLogStorage.Open(directory.Path))
        using (var log = TransparencyLog.Open(storage, signer, TestEntries.Origin))
        {
            for (int batch = 0; batch < 3; batch++)
            {
                byte[][] entries = TestEntries.Batch(batch, 200);
                TestEntries.Append(log, entries);
                expected.AddRange(entries);
            }
        }

        // A torn write of the next batch: a partial entry, a partial offset, partial hashes.
        AppendBytes(directory, "entries.bin", [0x00, 0x40, 1, 2, 3]);
        AppendBytes(directory, "entries.idx", [0, 0, 9]);
        AppendBytes(directory, "hashes.0.bin", new byte[45]);
        AppendBytes(directory, "hashes.1.bin", new byte[64]);

        using (var storage = FileLogStorage.Open(directory.Path))
        using (var log = TransparencyLog.Open(storage, signer, TestEntries.Origin))
        {
            LogInvariants.AssertLogHolds(log, expected);
            byte[][] more = TestEntries.Batch(9, 120);
            Assert.Equal(600, TestEntries.Append(log, more).FirstIndex);
            expected.AddRange(more);
            LogInvariants.AssertLogHolds(log, expected);
        }

        using (var storage = FileLogStorage.Open(directory.Path))
        using (var log = TransparencyLog.Open(storage, signer, TestEntries.Origin))
        {
            LogInvariants.AssertLogHolds(log, expected);
        }
    }

    [Fact]
    public void Missing_committed_data_is_reported_as_corruption()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using (var storage = FileLogStorage.Open(directory.Path))
        using (var log = TransparencyLog.Open(storage, signer, TestEntries.Origin))
        {
            TestEntries.Append(log, TestEntries.Batch(0, 300));
        }

        string entries = Path.Combine(directory.Path, "entries.bin");
        File.WriteAllBytes(entries, File.ReadAllBytes(entries)[..^10]);
        using var reopened = FileLogStorage.Open(directory.Path);
        Assert.Throws<InvalidDataException>(() => TransparencyLog.Open(reopened, signer, TestEntries.Origin));
    }

    [Fact]
    public void A_tampered_leaf_hash_is_caught_when_the_root_is_recomputed()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using (var storage = FileLogStorage.Open(directory.Path))
        using (var log = TransparencyLog.Open(storage, signer, TestEntries.Origin))
        {
            TestEntries.Append(log, TestEntries.Batch(0, 77));
        }

        string hashes = Path.Combine(directory.Path, "hashes.0.bin");
        byte[] bytes = File.ReadAllBytes(hashes);
        bytes[^1] ^= 1;
        File.WriteAllBytes(hashes, bytes);
        using var reopened = FileLogStorage.Open(directory.Path);
        Assert.Throws<InvalidDataException>(() => TransparencyLog.Open(reopened, signer, TestEntries.Origin));
    }

    [Fact]
    public void Data_without_a_checkpoint_is_not_silently_discarded()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using (var storage = FileLogStorage.Open(directory.Path))
        using (var log = TransparencyLog.Open(storage, signer, TestEntries.Origin))
        {
            TestEntries.Append(log, TestEntries.Batch(0, 5));
        }

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
