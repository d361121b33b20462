using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace KPops.Log;

/// <summary>
/// <c>commits.journal</c>: how <see cref="FileLogStorage"/> commits a small batch with one device sync. A record holds
/// the batch's entries (as written to <c>entries.bin</c>) and the signed checkpoint that covers them; one positional
/// write and one fdatasync of this file make both durable. The data files are then flushed only now and then — when
/// the journal is full, for a large batch, on close — and each such full flush ends with a checkpoint in
/// <see cref="CheckpointSlots"/> and starts the journal again at offset 0. Committing through the files themselves
/// costs two syncs in a row (the entries, then the checkpoint that names them), and the entries' sync also writes the
/// inode, since the file grew; a journal record lands in blocks zero-filled ahead of time, so its sync is a data write
/// and a device flush.
/// <para>
/// A record: magic <c>KPjr</c>, a SHA-256 over the rest, then (big-endian) the tree size before the batch, the number
/// of entries, their byte offset in <c>entries.bin</c>, their byte length, the note's length, the entries and the note.
/// </para>
/// <para>
/// Recovery reads the chain of records that starts at the slots' tree size: each intact record whose first index is
/// where the previous one ended. Records left from before the journal last started again all begin below the slots'
/// size, so they never join the chain; a torn record fails its digest, and was never acknowledged.
/// </para>
/// </summary>
internal sealed class CommitJournal : IDisposable
{
    public const string FileName = "commits.journal";

    /// <summary>The most the journal holds before the data files must be flushed and it starts again.</summary>
    public const int Capacity = 16 << 20;

    /// <summary>
    /// A batch whose record is larger commits through the data files instead: bulk loads, such as partners' batches,
    /// where writing the bytes a second time would cost more than the sync it saves (about 100 µs here, the time to
    /// write some hundred kilobytes).
    /// </summary>
    public const int MaxRecordBytes = 256 << 10;

    // Zero-filled in steps, so a new data directory does not start with a 16 MiB write.
    private const int GrowthStep = 1 << 20;

    private const int MagicSize = 4;
    private const int DigestSize = 32;
    private const int StartOffset = MagicSize + DigestSize;
    private const int CountOffset = StartOffset + sizeof(long);
    private const int EntriesOffsetOffset = CountOffset + sizeof(int);
    private const int EntriesLengthOffset = EntriesOffsetOffset + sizeof(long);
    private const int NoteLengthOffset = EntriesLengthOffset + sizeof(int);
    public const int HeaderSize = NoteLengthOffset + sizeof(int);

    private static ReadOnlySpan<byte> Magic => "KPjr"u8;

    private readonly SafeFileHandle _file;
    private long _zeroFilled;
    private long _position;
    private byte[] _record = new byte[64 * 1024];

    // The batch staged for the next record: its entries are already in _record, after the header.
    private int _stagedCount;
    private int _stagedLength;
    private long _stagedStart;
    private long _stagedOffset;
    private bool _stagedTooLarge;

    private CommitJournal(SafeFileHandle file)
    {
        _file = file;
        _zeroFilled = RandomAccess.GetLength(file);
    }

    /// <summary>Opens (creating if needed, durably) the journal of the log's writer.</summary>
    public static CommitJournal OpenWritable(string directory)
    {
        string path = Path.Combine(directory, FileName);
        bool created = !File.Exists(path);
        var file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (created)
        {
            try
            {
                // The name must survive a power cut before any record relies on it.
                RandomAccess.FlushToDisk(file);
                DirectorySync.Flush(directory);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        return new CommitJournal(file);
    }

    /// <summary>Opens the journal of a directory for reading beside its writer, or null when it has none.</summary>
    public static SafeFileHandle? OpenForReading(string directory)
    {
        string path = Path.Combine(directory, FileName);
        return File.Exists(path) ? File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite) : null;
    }

    /// <summary>The record chain from tree size <paramref name="treeSize"/>, for recovery.</summary>
    public List<JournalRecord> ReadRecoveryChain(long treeSize, out byte[]? lastNote)
    {
        var records = new List<JournalRecord>();
        ReadChain(_file, 0, treeSize, records.Add, out _, out lastNote);
        return records;
    }

    /// <summary>True while a batch is staged for the next record (see <see cref="Stage"/>).</summary>
    public bool HasStaged => _stagedCount > 0;

    /// <summary>
    /// Copies a batch's encoded entries, as they go to <c>entries.bin</c> at <paramref name="entriesOffset"/>, straight
    /// into the next record; several calls before a commit make one batch. A batch too large for a record is only
    /// counted: it will commit through the data files, and copying it would be wasted.
    /// </summary>
    public void Stage(long start, long entriesOffset, ReadOnlySpan<byte> entries, int count)
    {
        if (_stagedCount == 0)
        {
            _stagedStart = start;
            _stagedOffset = entriesOffset;
        }

        _stagedCount += count;
        if (_stagedTooLarge || HeaderSize + _stagedLength + entries.Length > MaxRecordBytes)
        {
            _stagedTooLarge = true;
            return;
        }

        EnsureRecordCapacity(HeaderSize + _stagedLength + entries.Length);
        entries.CopyTo(_record.AsSpan(HeaderSize + _stagedLength));
        _stagedLength += entries.Length;
    }

    /// <summary>Forgets the staged batch: it was committed, or the commit failed, or recovery starts afresh.</summary>
    public void ClearStaged()
    {
        _stagedCount = 0;
        _stagedLength = 0;
        _stagedTooLarge = false;
    }

    /// <summary>
    /// Commits the staged batch with <paramref name="note"/>: one record after the last, made durable — the commit
    /// point of a journalled batch. False, writing nothing, when no batch is staged or its record is too large or does
    /// not fit before the journal must start again: the caller then commits through the data files.
    /// </summary>
    public bool TryCommit(ReadOnlySpan<byte> note)
    {
        int size = HeaderSize + _stagedLength + note.Length;
        if (_stagedCount == 0 || _stagedTooLarge || size > MaxRecordBytes || _position + size > Capacity)
        {
            return false;
        }

        EnsureRecordCapacity(size);
        Span<byte> record = _record.AsSpan(0, size);
        Magic.CopyTo(record);
        BinaryPrimitives.WriteInt64BigEndian(record[StartOffset..], _stagedStart);
        BinaryPrimitives.WriteInt32BigEndian(record[CountOffset..], _stagedCount);
        BinaryPrimitives.WriteInt64BigEndian(record[EntriesOffsetOffset..], _stagedOffset);
        BinaryPrimitives.WriteInt32BigEndian(record[EntriesLengthOffset..], _stagedLength);
        BinaryPrimitives.WriteInt32BigEndian(record[NoteLengthOffset..], note.Length);
        note.CopyTo(record[(HeaderSize + _stagedLength)..]);
        SHA256.HashData(record[StartOffset..], record.Slice(MagicSize, DigestSize));

        if (_position + size > _zeroFilled)
        {
            Grow(_position + size);
        }

        RandomAccess.Write(_file, record, _position);
        // The blocks were zero-filled and the size is unchanged: the data and a device flush, no inode write.
        DataSync.Flush(_file);
        _position += size;
        return true;
    }

    /// <summary>After a checkpoint in the slots made everything before it durable: the next record goes to offset 0.</summary>
    public void Restart() => _position = 0;

    /// <summary>True when records were appended since the journal last started again.</summary>
    public bool HasRecords => _position > 0;

    /// <summary>
    /// Reads the chain of intact records from <paramref name="offset"/> onwards whose first starts at tree size
    /// <paramref name="treeSize"/>, calling <paramref name="onRecord"/> for each; returns where the chain ends.
    /// </summary>
    public static long ReadChain(SafeFileHandle file, long offset, long treeSize, Action<JournalRecord>? onRecord, out long chainEnd, out byte[]? lastNote)
    {
        chainEnd = treeSize;
        ReadOnlyMemory<byte> last = default;
        long length = RandomAccess.GetLength(file);
        Span<byte> header = stackalloc byte[HeaderSize];
        Span<byte> digest = stackalloc byte[DigestSize];
        while (offset + HeaderSize <= length)
        {
            if (RandomAccess.Read(file, header, offset) != HeaderSize || !header.StartsWith(Magic)
                || BinaryPrimitives.ReadInt64BigEndian(header[StartOffset..]) != chainEnd)
            {
                break;
            }

            int count = BinaryPrimitives.ReadInt32BigEndian(header[CountOffset..]);
            int entriesLength = BinaryPrimitives.ReadInt32BigEndian(header[EntriesLengthOffset..]);
            int noteLength = BinaryPrimitives.ReadInt32BigEndian(header[NoteLengthOffset..]);
            long size = (long)HeaderSize + entriesLength + noteLength;
            if (count <= 0 || entriesLength < 0 || noteLength <= 0 || size > MaxRecordBytes || offset + size > length)
            {
                break;
            }

            var record = new byte[size];
            if (RandomAccess.Read(file, record, offset) != size)
            {
                break;
            }

            SHA256.HashData(record.AsSpan(StartOffset), digest);
            if (!digest.SequenceEqual(record.AsSpan(MagicSize, DigestSize)))
            {
                break;
            }

            var parsed = new JournalRecord(
                chainEnd,
                count,
                BinaryPrimitives.ReadInt64BigEndian(header[EntriesOffsetOffset..]),
                record.AsMemory(HeaderSize, entriesLength));
            onRecord?.Invoke(parsed);
            last = record.AsMemory(HeaderSize + entriesLength, noteLength);
            chainEnd += count;
            offset += size;
        }

        lastNote = last.IsEmpty ? null : last.ToArray();
        return offset;
    }

    public void Dispose() => _file.Dispose();

    /// <summary>The tree size a signed checkpoint note names (its second line), without verifying it.</summary>
    public static bool TryReadTreeSize(byte[] note, out long treeSize)
    {
        treeSize = 0;
        if (!SignedNote.TryParseUnverified(note, out string? text, out _) || !Checkpoint.TryParse(text, out Checkpoint? checkpoint, out _))
        {
            return false;
        }

        treeSize = checkpoint.Size;
        return true;
    }

    // Keeps what is staged: the record buffer grows under the entries already copied into it.
    private void EnsureRecordCapacity(int size)
    {
        if (_record.Length < size)
        {
            Array.Resize(ref _record, Math.Max(size, _record.Length * 2));
        }
    }

    private void Grow(long needed)
    {
        long target = Math.Min(Capacity, ((needed + GrowthStep - 1) / GrowthStep) * GrowthStep);
        var zeros = new byte[GrowthStep];
        for (long at = _zeroFilled; at < target; at += GrowthStep)
        {
            RandomAccess.Write(_file, zeros.AsSpan(0, (int)Math.Min(GrowthStep, target - at)), at);
        }

        // The file grew: fsync, inode included, once per step.
        RandomAccess.FlushToDisk(_file);
        _zeroFilled = target;
    }
}

/// <summary>One committed batch read back from <see cref="CommitJournal"/>.</summary>
internal readonly record struct JournalRecord(long Start, int Count, long EntriesOffset, ReadOnlyMemory<byte> Entries);
