using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace KPops.Log;

/// <summary>
/// Where <see cref="FileLogStorage"/> keeps the signed checkpoint: <c>checkpoint.slots</c>, two fixed 4 KiB slots
/// written in turn. A slot holds a magic, a SHA-256 over the rest, a sequence number, the note's length and the note.
/// Replacing the checkpoint is one positional write into the older slot and one fdatasync, where replacing a file
/// (temporary file, fsync, rename, directory fsync) costs a file creation, two fsyncs and a rename. The slots take the
/// checkpoint at each full flush of the data files; between two, <see cref="CommitJournal"/> holds the newer ones. A crash during the write can tear only the slot being written, whose checksum
/// then fails, so the other slot — the checkpoint before — stands; and that write was never acknowledged.
/// </summary>
public sealed class CheckpointSlots : IDisposable
{
    public const string FileName = "checkpoint.slots";

    private const int SlotSize = 4096;
    private const int MagicSize = 4;
    private const int DigestSize = 32;
    private const int SequenceOffset = MagicSize + DigestSize;
    private const int LengthOffset = SequenceOffset + sizeof(long);
    private const int HeaderSize = LengthOffset + sizeof(int);

    /// <summary>The largest signed note a slot holds; a log's own checkpoint is about 200 bytes.</summary>
    public const int MaxNoteBytes = SlotSize - HeaderSize;

    private static ReadOnlySpan<byte> Magic => "KPck"u8;

    private readonly SafeFileHandle _file;
    private readonly byte[] _slot = new byte[SlotSize];
    private long _sequence;

    private CheckpointSlots(SafeFileHandle file, long sequence)
    {
        _file = file;
        _sequence = sequence;
    }

    /// <summary>
    /// Opens the slot file for the log's writer, creating it (durably: the file, then its directory entry) when the
    /// directory has none.
    /// </summary>
    public static CheckpointSlots OpenWritable(string directory)
    {
        string path = Path.Combine(directory, FileName);
        bool created = !File.Exists(path);
        var file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            long length = RandomAccess.GetLength(file);
            if (created || length < 2 * SlotSize)
            {
                // Zeros rather than a sparse extension: both slots get their blocks now, so a slot write overwrites.
                RandomAccess.Write(file, new byte[(2 * SlotSize) - length], length);
                RandomAccess.FlushToDisk(file);
                DirectorySync.Flush(directory);
            }

            return new CheckpointSlots(file, Latest(file, out _));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The newest intact checkpoint in the slot file at <paramref name="directory"/>, or null when none is.</summary>
    public static byte[]? ReadLatest(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        Latest(file, out byte[]? note);
        return note;
    }

    /// <summary>The newest intact checkpoint of this writer's file, or null when no slot is intact.</summary>
    public byte[]? ReadLatest()
    {
        Latest(_file, out byte[]? note);
        return note;
    }

    /// <summary>Writes <paramref name="note"/> into the older slot and makes it durable.</summary>
    public void Write(ReadOnlySpan<byte> note)
    {
        if (note.Length > MaxNoteBytes)
        {
            throw new ArgumentException($"A checkpoint note may be at most {MaxNoteBytes} bytes.", nameof(note));
        }

        long sequence = _sequence + 1;
        Span<byte> slot = _slot.AsSpan(0, HeaderSize + note.Length);
        Magic.CopyTo(slot);
        BinaryPrimitives.WriteInt64BigEndian(slot[SequenceOffset..], sequence);
        BinaryPrimitives.WriteInt32BigEndian(slot[LengthOffset..], note.Length);
        note.CopyTo(slot[HeaderSize..]);
        SHA256.HashData(slot[SequenceOffset..], slot.Slice(MagicSize, DigestSize));
        RandomAccess.Write(_file, slot, SlotOffset(sequence));
        // The file keeps its size and blocks, so the data and a device flush are all a commit needs: no inode write.
        DataSync.Flush(_file);
        _sequence = sequence;
    }

    public void Dispose() => _file.Dispose();

    private static long SlotOffset(long sequence) => (sequence & 1) * SlotSize;

    /// <summary>The sequence number of the newest intact slot (0 when none is) and its note.</summary>
    private static long Latest(SafeFileHandle file, out byte[]? note)
    {
        note = null;
        long best = 0;
        var slot = new byte[SlotSize];
        for (long offset = 0; offset < 2 * SlotSize; offset += SlotSize)
        {
            int read = RandomAccess.Read(file, slot, offset);
            if (TryRead(slot.AsSpan(0, read), out long sequence, out ReadOnlySpan<byte> content) && sequence > best)
            {
                best = sequence;
                note = content.ToArray();
            }
        }

        return best;
    }

    private static bool TryRead(ReadOnlySpan<byte> slot, out long sequence, out ReadOnlySpan<byte> note)
    {
        sequence = 0;
        note = default;
        if (slot.Length < HeaderSize || !slot.StartsWith(Magic))
        {
            return false;
        }

        int length = BinaryPrimitives.ReadInt32BigEndian(slot[LengthOffset..]);
        if (length < 0 || length > slot.Length - HeaderSize)
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[DigestSize];
        SHA256.HashData(slot[SequenceOffset..(HeaderSize + length)], digest);
        if (!digest.SequenceEqual(slot.Slice(MagicSize, DigestSize)))
        {
            return false;
        }

        sequence = BinaryPrimitives.ReadInt64BigEndian(slot[SequenceOffset..]);
        note = slot.Slice(HeaderSize, length);
        return sequence > 0;
    }
}
