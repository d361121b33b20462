namespace KPops.Log.Tests;

/// <summary>
/// The commit journal (<c>commits.journal</c>): small batches are committed there, with one sync, and reach the data
/// files' durable state only at the next full flush. A crash is simulated by copying the data directory while the
/// writer still has it open; a power cut, by also cutting each data file back to what its last full flush made durable.
/// </summary>
public class CommitJournalTests
{
    private static readonly string[] DataFiles = ["entries.bin", "entries.idx", "hashes.0.bin", "hashes.1.bin", "hashes.2.bin"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Batches_committed_through_the_journal_survive_a_crash(bool powerCut)
    {
        using var directory = new TempDirectory();
        using var crashed = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        var committed = new List<byte[]>();
        DiskLog.Session(directory, signer, log =>
        {
            Append(log, TestEntries.Batch(0, 20), committed);
            Dictionary<string, long> durable = Lengths(directory);
            long flushed = SlotsTreeSize(directory);
            for (int batch = 1; batch <= 40; batch++)
            {
                Append(log, TestEntries.Batch(batch, 20), committed);
            }

            // Every batch since went to the journal only.
            Assert.Equal(flushed, SlotsTreeSize(directory));
            Snapshot(directory, crashed, powerCut ? durable : null);
        });

        DiskLog.Session(crashed, signer, log =>
        {
            // 820 entries: three complete leaf tiles and three level-1 hashes were recomputed from the journal.
            LogInvariants.AssertLogHolds(log, committed);
            Assert.Equal(820, SlotsTreeSize(crashed));
        });

        // The recovered data files are the very bytes of the ones the writer flushed when it closed.
        foreach (string file in DataFiles)
        {
            AssertSameFile(directory, crashed, file);
        }
    }

    [Fact]
    public void Recovery_recomputes_the_subtree_hashes_of_every_level()
    {
        using var directory = new TempDirectory();
        using var crashed = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        long size = 0;
        DiskLog.Session(directory, signer, log =>
        {
            TestEntries.Append(log, SmallEntries(0, 1));
            Dictionary<string, long> durable = Lengths(directory);
            // 66,001 entries: a complete level-2 subtree (65,536 leaves) lies wholly in the journal.
            for (int batch = 1; batch <= 66; batch++)
            {
                TestEntries.Append(log, SmallEntries(batch, 1000));
            }

            size = log.Size;
            Snapshot(directory, crashed, durable);
        });

        DiskLog.Session(crashed, signer, log =>
        {
            Assert.Equal(size, log.Size);
            Assert.Equal(1, TileLayout.HashCount(size, 2));
        });

        foreach (string file in DataFiles)
        {
            AssertSameFile(directory, crashed, file);
        }
    }

    [Fact]
    public void A_torn_journal_record_is_not_part_of_the_log()
    {
        using var directory = new TempDirectory();
        using var crashed = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        var committed = new List<byte[]>();
        DiskLog.Session(directory, signer, log =>
        {
            for (int batch = 0; batch < 5; batch++)
            {
                Append(log, TestEntries.Batch(batch, 30), committed);
            }

            byte[] before = File.ReadAllBytes(JournalPath(directory));
            TestEntries.Append(log, TestEntries.Batch(5, 30));
            Snapshot(directory, crashed, durable: null);

            // The power failed while the last record was being written: part of it never reached the disk.
            byte[] after = File.ReadAllBytes(JournalPath(crashed));
            int start = FirstDifference(before, after);
            after[start + 100] ^= 0x5A;
            File.WriteAllBytes(JournalPath(crashed), after);
        });

        DiskLog.Session(crashed, signer, log => LogInvariants.AssertLogHolds(log, committed));
    }

    [Fact]
    public void A_whole_record_that_does_not_continue_the_entries_is_refused_before_anything_is_written()
    {
        using var directory = new TempDirectory();
        using var crashed = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        DiskLog.Session(directory, signer, log =>
        {
            for (int batch = 0; batch < 3; batch++)
            {
                TestEntries.Append(log, TestEntries.Batch(batch, 20));
            }

            Snapshot(directory, crashed, durable: null);
        });

        // The second record claims its entries start at byte 0 of entries.bin, over the first batch's, and its digest
        // is recomputed so that it is whole.
        byte[] journal = File.ReadAllBytes(JournalPath(crashed));
        int second = RecordSize(journal, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(journal.AsSpan(second + 48), 0);
        System.Security.Cryptography.SHA256.HashData(journal.AsSpan(second + 36, RecordSize(journal, second) - 36), journal.AsSpan(second + 4, 32));
        File.WriteAllBytes(JournalPath(crashed), journal);
        byte[] entries = File.ReadAllBytes(Path.Combine(crashed.Path, "entries.bin"));

        using (var storage = FileLogStorage.Open(crashed.Path))
        {
            Assert.Throws<InvalidDataException>(() => TransparencyLog.Open(storage, signer, TestEntries.Origin));
        }

        Assert.Equal(entries, File.ReadAllBytes(Path.Combine(crashed.Path, "entries.bin")));
    }

    [Fact]
    public void Records_left_from_before_the_journal_started_again_are_not_replayed()
    {
        using var directory = new TempDirectory();
        using var crashed = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        var committed = new List<byte[]>();
        byte[][] first = TestEntries.Batch(0, 100);
        DiskLog.Session(directory, signer, log =>
        {
            Append(log, first, committed);
            for (int batch = 1; batch < 6; batch++)
            {
                Append(log, TestEntries.Batch(batch, 25), committed);
            }

            // A bulk batch flushes the data files, goes to the slots, and the journal starts again at offset 0.
            Append(log, BulkEntries(30), committed);
            Dictionary<string, long> durable = Lengths(directory);
            Assert.Equal(committed.Count, SlotsTreeSize(directory));

            // Entries of the same lengths as the first batch's (and a tree size of as many digits): the new record
            // overwrites exactly the old first one, so an intact old record starts right where the new one ends.
            Append(log, first.Select(entry => entry.Select(b => (byte)~b).ToArray()).ToArray(), committed);
            Snapshot(directory, crashed, durable);
        });

        DiskLog.Session(crashed, signer, log => LogInvariants.AssertLogHolds(log, committed));
    }

    [Fact]
    public void A_full_journal_flushes_the_data_files_and_starts_again()
    {
        using var directory = new TempDirectory();
        using var crashed = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        var committed = new List<byte[]>();
        DiskLog.Session(directory, signer, log =>
        {
            Append(log, TestEntries.Batch(0, 3), committed);
            // Records of about 240 KB each: the 16 MiB journal fills after 69 of them.
            for (int batch = 1; batch <= 75; batch++)
            {
                Append(log, LargeEntries(batch, 4), committed);
            }

            Assert.True(SlotsTreeSize(directory) > 3);
            Assert.True(new FileInfo(JournalPath(directory)).Length <= 16 << 20);
            Snapshot(directory, crashed, durable: null);
        });

        DiskLog.Session(crashed, signer, log => LogInvariants.AssertLogHolds(log, committed));
    }

    [Fact]
    public void Closing_the_log_leaves_its_newest_checkpoint_in_the_slots()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        byte[] newest = [];
        DiskLog.Session(directory, signer, log =>
        {
            for (int batch = 0; batch < 4; batch++)
            {
                TestEntries.Append(log, TestEntries.Batch(batch, 10));
            }

            Assert.True(SlotsTreeSize(directory) < log.Size);
            newest = log.Checkpoint.Note.ToArray();
        });

        // A KPops that reads only the slots (older ones did) finds the whole log.
        Assert.Equal(newest, CheckpointSlots.ReadLatest(directory.Path));
    }

    private static void Append(TransparencyLog log, byte[][] entries, List<byte[]> committed)
    {
        TestEntries.Append(log, entries);
        committed.AddRange(entries);
    }

    private static byte[][] SmallEntries(int batch, int count) =>
        Enumerable.Range(0, count).Select(i => BitConverter.GetBytes((batch * 1_000_000L) + i)).ToArray();

    /// <summary>Entries of 60,000 bytes: 4 of them make a record just under the journal's largest (256 KiB).</summary>
    private static byte[][] LargeEntries(int batch, int count) =>
        Enumerable.Range(0, count).Select(i => Enumerable.Repeat((byte)(batch + i), 60_000).ToArray()).ToArray();

    /// <summary>A batch larger than a journal record may be: it commits through the data files.</summary>
    private static byte[][] BulkEntries(int count) =>
        Enumerable.Range(0, count).Select(i => Enumerable.Repeat((byte)i, 40_000).ToArray()).ToArray();

    private static string JournalPath(TempDirectory directory) => Path.Combine(directory.Path, "commits.journal");

    private static long SlotsTreeSize(TempDirectory directory)
    {
        Assert.True(SignedNote.TryParseUnverified(CheckpointSlots.ReadLatest(directory.Path)!, out string? text, out _));
        return Checkpoint.Parse(text!).Size;
    }

    private static Dictionary<string, long> Lengths(TempDirectory directory) =>
        DataFiles.Where(file => File.Exists(Path.Combine(directory.Path, file)))
            .ToDictionary(file => file, file => new FileInfo(Path.Combine(directory.Path, file)).Length);

    /// <summary>
    /// Copies the directory as a crash would leave it (the writer's lock aside). With <paramref name="durable"/>, each
    /// data file is cut back to the length it had then, as a power cut loses writes not yet flushed.
    /// </summary>
    private static void Snapshot(TempDirectory from, TempDirectory to, Dictionary<string, long>? durable)
    {
        foreach (string path in Directory.GetFiles(from.Path))
        {
            string name = Path.GetFileName(path);
            if (name == "lock")
            {
                continue;
            }

            byte[] contents = File.ReadAllBytes(path);
            if (durable is not null && DataFiles.Contains(name))
            {
                if (!durable.TryGetValue(name, out long length))
                {
                    continue;
                }

                contents = contents[..(int)length];
            }

            File.WriteAllBytes(Path.Combine(to.Path, name), contents);
        }
    }

    private static void AssertSameFile(TempDirectory expected, TempDirectory actual, string name)
    {
        string expectedPath = Path.Combine(expected.Path, name);
        string actualPath = Path.Combine(actual.Path, name);
        Assert.Equal(File.Exists(expectedPath), File.Exists(actualPath));
        if (File.Exists(expectedPath))
        {
            Assert.True(File.ReadAllBytes(expectedPath).AsSpan().SequenceEqual(File.ReadAllBytes(actualPath)), $"{name} differs.");
        }
    }

    /// <summary>The size of the journal record at <paramref name="offset"/>: its header, entries and note.</summary>
    private static int RecordSize(byte[] journal, int offset) =>
        64 + System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(journal.AsSpan(offset + 56))
        + System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(journal.AsSpan(offset + 60));

    private static int FirstDifference(byte[] a, byte[] b)
    {
        int length = Math.Min(a.Length, b.Length);
        for (int i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return length;
    }
}
