namespace KPops.Log.Tests;

/// <summary>The checkpoint's two slots (<c>checkpoint.slots</c>): torn writes, old data directories, lost slots.</summary>
public class CheckpointSlotsTests
{
    private const int SlotSize = 4096;

    [Fact]
    public void A_torn_write_of_the_newest_slot_falls_back_to_the_checkpoint_before_it()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        var committed = new List<byte[]>();
        long sizeBefore = 0;
        DiskLog.Session(directory, signer, log =>
        {
            for (int batch = 0; batch < 3; batch++)
            {
                byte[][] entries = TestEntries.Batch(batch, 50);
                TestEntries.Append(log, entries);
                committed.AddRange(entries);
            }

            sizeBefore = log.Size;
            TestEntries.Append(log, BulkBatch(30));
        });

        // The last batch, too large for the journal, had its checkpoint written to a slot; a crash mid-write tears it
        // (its digest no longer matches). The batches before it are in the other slot and the journal.
        string path = Path.Combine(directory.Path, CheckpointSlots.FileName);
        byte[] slots = File.ReadAllBytes(path);
        int newest = NewestSlot(slots, sizeBefore + 30);
        slots[(newest * SlotSize) + 100] ^= 0x5A;
        File.WriteAllBytes(path, slots);

        DiskLog.Session(directory, signer, log =>
        {
            Assert.Equal(sizeBefore, log.Size);
            LogInvariants.AssertLogHolds(log, committed);
            byte[][] more = TestEntries.Batch(8, 10);
            TestEntries.Append(log, more);
            committed.AddRange(more);
        });

        // The slot written after the recovery is the torn one: the next open sees the newest checkpoint again.
        DiskLog.Session(directory, signer, log => LogInvariants.AssertLogHolds(log, committed));
    }

    [Fact]
    public void A_data_directory_with_the_older_checkpoint_file_is_read_and_then_moved_to_the_slots()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        var committed = new List<byte[]>();
        DiskLog.Session(directory, signer, log =>
        {
            byte[][] entries = TestEntries.Batch(0, 40);
            TestEntries.Append(log, entries);
            committed.AddRange(entries);
        });

        // What an older KPops left: a plain checkpoint file (and a stray temporary one), no slots.
        string slots = Path.Combine(directory.Path, CheckpointSlots.FileName);
        byte[] note = CheckpointSlots.ReadLatest(directory.Path)!;
        File.WriteAllBytes(Path.Combine(directory.Path, "checkpoint"), note);
        File.WriteAllBytes(Path.Combine(directory.Path, "checkpoint.tmp"), [1, 2, 3]);
        File.Delete(slots);

        using (var storage = FileLogStorage.OpenReadOnly(directory.Path))
        {
            Assert.Equal(note, storage.ReadCheckpoint());
        }

        DiskLog.Session(directory, signer, log =>
        {
            Assert.Equal(40, log.Size);
            byte[][] more = TestEntries.Batch(1, 5);
            TestEntries.Append(log, more);
            committed.AddRange(more);
            Assert.False(File.Exists(Path.Combine(directory.Path, "checkpoint")));
            Assert.False(File.Exists(Path.Combine(directory.Path, "checkpoint.tmp")));
            Assert.Equal(log.Checkpoint.Note.ToArray(), CheckpointSlots.ReadLatest(directory.Path));
        });

        DiskLog.Session(directory, signer, log => LogInvariants.AssertLogHolds(log, committed));
    }

    [Fact]
    public void Data_whose_slots_are_both_damaged_is_refused_not_discarded()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        DiskLog.Session(directory, signer, log =>
        {
            TestEntries.Append(log, TestEntries.Batch(0, 5));
            TestEntries.Append(log, TestEntries.Batch(1, 5));
        });

        string path = Path.Combine(directory.Path, CheckpointSlots.FileName);
        byte[] slots = File.ReadAllBytes(path);
        slots[60] ^= 1;
        slots[SlotSize + 60] ^= 1;
        File.WriteAllBytes(path, slots);

        using var reopened = FileLogStorage.Open(directory.Path);
        Assert.Null(reopened.ReadCheckpoint());
        Assert.Throws<InvalidDataException>(() => TransparencyLog.Open(reopened, signer, TestEntries.Origin));
    }

    [Fact]
    public void A_reader_beside_the_writer_sees_each_new_checkpoint()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using var storage = FileLogStorage.Open(directory.Path);
        using var log = TransparencyLog.Open(storage, signer, TestEntries.Origin);
        using var reader = FileLogStorage.OpenReadOnly(directory.Path);
        for (int batch = 0; batch < 6; batch++)
        {
            // Small batches go to the journal, which the reader follows; the bulk one goes to the slots, and the
            // journal starts again at offset 0 behind the reader's position.
            TestEntries.Append(log, batch == 3 ? BulkBatch(30) : TestEntries.Batch(batch, 3));
            Assert.Equal(log.Checkpoint.Note.ToArray(), reader.ReadCheckpoint());
        }
    }

    [Fact]
    public void A_note_too_large_for_a_slot_is_refused()
    {
        using var directory = new TempDirectory();
        using var storage = FileLogStorage.Open(directory.Path);
        Assert.Throws<ArgumentException>(() => storage.ReplaceCheckpoint(new byte[CheckpointSlots.MaxNoteBytes + 1]));
    }

    /// <summary>Entries of 40,000 bytes each: a batch of 30 is larger than a journal record may be.</summary>
    private static byte[][] BulkBatch(int count)
    {
        var entries = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            entries[i] = new byte[40_000];
            entries[i].AsSpan().Fill((byte)i);
        }

        return entries;
    }

    /// <summary>Which slot holds the checkpoint of a tree of <paramref name="size"/> (its note's second line).</summary>
    private static int NewestSlot(byte[] slots, long size)
    {
        string line = "\n" + size.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n";
        for (int slot = 0; slot < 2; slot++)
        {
            if (System.Text.Encoding.UTF8.GetString(slots, slot * SlotSize, SlotSize).Contains(line, StringComparison.Ordinal))
            {
                return slot;
            }
        }

        throw new InvalidOperationException($"No slot holds a checkpoint of size {size}.");
    }
}
