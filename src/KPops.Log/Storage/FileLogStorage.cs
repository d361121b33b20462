using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace KPops.Log;

/// <summary>
/// The embedded on-disk storage. Under one data directory:
/// <list type="bullet">
/// <item><c>entries.bin</c> — every entry, back to back, already in entry-bundle encoding, so a bundle is a byte range;</item>
/// <item><c>entries.idx</c> — the byte offset (uint64 big-endian) where each bundle of 256 entries starts;</item>
/// <item><c>hashes.&lt;L&gt;.bin</c> — tile level L hashes, 32 bytes each: level 0 the leaf hashes, level L the
/// roots of complete 256^L subtrees, so tile L/N is bytes [N·8192, N·8192 + W·32) of that file;</item>
/// <item><c>checkpoint.slots</c> — the signed checkpoint as of the last full flush, in two slots written in turn
/// (<see cref="CheckpointSlots"/>); a directory written before them has a plain <c>checkpoint</c> file instead, read
/// until the first batch replaces it;</item>
/// <item><c>commits.journal</c> — the batches committed since that flush, each with its checkpoint
/// (<see cref="CommitJournal"/>): the newest checkpoint is the last record of its chain, or the slots' when it has none;</item>
/// <item><c>lock</c> — held exclusively by the one writer.</item>
/// </list>
/// All data files are append-only; anything past the checkpoint's size is an uncommitted tail that
/// <see cref="TruncateTo"/> cuts off on recovery, after it has written the journal's batches into the data files again
/// (a power cut may have lost them from there) and recomputed their hashes.
/// </summary>
public sealed class FileLogStorage : ILogStorage
{
    private const string EntriesFile = "entries.bin";
    private const string IndexFile = "entries.idx";
    /// <summary>Where the checkpoint lived before <see cref="CheckpointSlots"/>: replaced by temporary file and rename.</summary>
    private const string LegacyCheckpointFile = "checkpoint";
    private const string LockFile = "lock";
    private const int OffsetSize = sizeof(long);
    private const int EntriesSlot = 0;
    private const int IndexSlot = 1;
    private const int FirstHashSlot = 2;
    private const int MaxBundleBytes = TileLayout.TileWidth * (EntryBundle.LengthPrefixSize + EntryBundle.MaxEntrySize);

    private readonly string _directory;
    private readonly bool _writable;
    private readonly FileStream? _lock;
    private readonly CheckpointSlots? _checkpoints;
    private readonly CommitJournal? _journal;
    private readonly SafeFileHandle _entries;
    private readonly SafeFileHandle _index;
    private readonly SafeFileHandle?[] _hashes = new SafeFileHandle?[TileLayout.MaxLevel + 1];

    // Complete tiles of leaf hashes known flushed: Sync flushes the leaf hashes when this falls behind.
    private long _durableLeafTiles;

    // A plain checkpoint file from before the slots may still be there until the first replacement.
    private bool _legacyCheckpoint = true;

    // The writer's newest checkpoint: the slots', the journal's last record's, or the last one replaced.
    private byte[]? _latest;

    // Recovery: the journal's chain after the slots' checkpoint, read by ReadCheckpoint and replayed by TruncateTo.
    private long _recoveryBase;
    private List<JournalRecord>? _recoveryChain;

    // A reader beside the writer follows the slots and the journal.
    private readonly CheckpointFollower? _follower;

    // Known after TruncateTo: the exact end of each file.
    private long _entryCount = -1;
    private long _entriesLength;
    private long _bundleCount;
    private readonly long[] _hashCounts = new long[TileLayout.MaxLevel + 1];

    // Which files have writes not yet flushed: entries, index, then one per hash level.
    private readonly bool[] _dirty = new bool[FirstHashSlot + TileLayout.MaxLevel + 1];

    private FileLogStorage(string directory, bool writable)
    {
        _directory = Path.GetFullPath(directory);
        _writable = writable;
        if (writable)
        {
            Directory.CreateDirectory(_directory);
            // The lock stops a second writer from interleaving appends; the OS drops it if the process dies.
            _lock = new FileStream(Path.Combine(_directory, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }

        try
        {
            _entries = OpenData(EntriesFile, create: writable)!;
            _index = OpenData(IndexFile, create: writable)!;
            _checkpoints = writable ? CheckpointSlots.OpenWritable(_directory) : null;
            _journal = writable ? CommitJournal.OpenWritable(_directory) : null;
            _follower = writable ? null : new CheckpointFollower(_directory, () => ReadBaseCheckpoint(CheckpointSlots.ReadLatest(_directory)));
            for (int level = 0; level <= TileLayout.MaxLevel; level++)
            {
                _hashes[level] = OpenData(HashFile(level), create: false);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Opens (creating if needed) the data directory for the log's single writer.</summary>
    public static FileLogStorage Open(string directory) => new(directory, writable: true);

    /// <summary>Opens an existing data directory for reading only, e.g. to audit it or serve it from another process.</summary>
    public static FileLogStorage OpenReadOnly(string directory)
    {
        if (!File.Exists(Path.Combine(directory, EntriesFile)))
        {
            throw new DirectoryNotFoundException($"No log data in '{directory}'.");
        }

        return new FileLogStorage(directory, writable: false);
    }

    public string DataDirectory => _directory;

    public bool IsEmpty =>
        RandomAccess.GetLength(_entries) == 0 && Array.TrueForAll(_hashes, file => file is null || RandomAccess.GetLength(file) == 0);

    public byte[]? ReadCheckpoint()
    {
        if (_writable)
        {
            if (_latest is null)
            {
                // Recovery: the slots' checkpoint, then the journal's chain after it.
                _latest = ReadBaseCheckpoint(_checkpoints!.ReadLatest());
                if (_latest is not null && CommitJournal.TryReadTreeSize(_latest, out long size))
                {
                    _recoveryBase = size;
                    _recoveryChain = _journal!.ReadRecoveryChain(size, out byte[]? last);
                    _latest = last ?? _latest;
                }
            }

            return _latest?.ToArray();
        }

        return _follower!.Read();
    }

    private byte[]? ReadBaseCheckpoint(byte[]? slots)
    {
        string legacy = Path.Combine(_directory, LegacyCheckpointFile);
        return slots ?? (File.Exists(legacy) ? File.ReadAllBytes(legacy) : null);
    }

    public void TruncateTo(long treeSize)
    {
        ThrowIfReadOnly();
        _journal!.ClearStaged();
        bool replayed = _recoveryChain is { Count: > 0 } && Replay(treeSize);
        _recoveryChain = null;
        long bundles = (treeSize + TileLayout.TileWidth - 1) / TileLayout.TileWidth;
        if (RandomAccess.GetLength(_index) < bundles * OffsetSize)
        {
            throw new InvalidDataException($"The bundle index holds fewer than {treeSize} entries.");
        }

        (long entriesEnd, byte[] lastBundle, int inLastBundle, int lastBundleLength) = ReadTreeEnd(treeSize);

        // The leaf hashes of a partial last tile may have been lost with the power (see FlushData): hash its entries
        // anew. The entries are whole up to treeSize: flushed at every full flush, and replayed from the journal since.
        int partialTile = (int)(treeSize % TileLayout.TileWidth);
        byte[] partialLeafHashes = new byte[partialTile * Rfc6962.HashSize];
        if (partialTile > 0)
        {
            LeafHasher.HashAll(lastBundle, lastBundleLength, inLastBundle, partialLeafHashes);
        }

        // Cut the uncommitted tails: entries, bundle offsets, and each hash level past ⌊size / 256^L⌋.
        RandomAccess.SetLength(_entries, entriesEnd);
        RandomAccess.SetLength(_index, bundles * OffsetSize);
        for (int level = 0; level <= TileLayout.MaxLevel; level++)
        {
            long keep = TileLayout.HashCount(treeSize, level);
            long required = keep - (level == 0 ? partialTile : 0);
            SafeFileHandle? file = _hashes[level] ?? (level == 0 && partialTile > 0 && required == 0 ? HashFileHandle(0, create: true) : null);
            if (file is null)
            {
                if (keep > 0)
                {
                    throw new InvalidDataException($"{HashFile(level)} is missing.");
                }

                continue;
            }

            if (RandomAccess.GetLength(file) < required * Rfc6962.HashSize)
            {
                throw new InvalidDataException($"{HashFile(level)} holds fewer hashes than a tree of {treeSize} needs.");
            }

            if (level == 0)
            {
                // Rewritten in place before the cut, never cut first: after a failed append the server re-opens the log
                // while receipts are being read, and a committed hash must never be missing, even for a moment.
                RandomAccess.Write(file, partialLeafHashes, required * Rfc6962.HashSize);
            }

            RandomAccess.SetLength(file, keep * Rfc6962.HashSize);
            _hashCounts[level] = keep;
        }

        _entryCount = treeSize;
        _entriesLength = entriesEnd;
        _bundleCount = bundles;
        _dirty[EntriesSlot] = true;
        _dirty[IndexSlot] = true;
        for (int level = 0; level <= TileLayout.MaxLevel; level++)
        {
            _dirty[FirstHashSlot + level] = _hashes[level] is not null;
        }

        Flush(leafHashes: true);
        if (replayed)
        {
            // Everything up to treeSize is in the data files now: their checkpoint goes to the slots, and the journal
            // starts again.
            WriteSlots(_latest!);
        }
    }

    /// <summary>
    /// Writes the entries of the journal's chain into the data files again, with their bundle offsets, leaf hashes and
    /// the subtree hashes they complete — the same bytes where the files kept them, so a reader of committed data never
    /// finds it missing. Up to <paramref name="treeSize"/>; true if anything was replayed.
    /// </summary>
    private bool Replay(long treeSize)
    {
        long end = _recoveryBase;
        long entriesEnd = ReadTreeEnd(_recoveryBase).EntriesEnd;
        var bundleStarts = new List<long>();
        foreach (JournalRecord record in _recoveryChain!)
        {
            if (record.Start + record.Count > treeSize)
            {
                break;
            }

            // The digest only shows a record is whole; it must also continue the entries exactly where the tree does,
            // or replaying it would overwrite committed entries.
            if (record.EntriesOffset != entriesEnd)
            {
                throw new InvalidDataException($"The journal's record at tree size {record.Start} does not continue entries.bin.");
            }

            byte[] entries = record.Entries.ToArray();
            RandomAccess.Write(_entries, entries, record.EntriesOffset);
            entriesEnd += entries.Length;

            bundleStarts.Clear();
            if (!BundleWalk.ForEachBundleStart(entries, record.Count, record.Start, record.EntriesOffset, bundleStarts.Add))
            {
                throw new InvalidDataException($"The journal's record at tree size {record.Start} does not hold {record.Count} entries.");
            }

            long firstBundle = (record.Start + TileLayout.TileWidth - 1) / TileLayout.TileWidth;
            RandomAccess.Write(_index, EncodeOffsets(bundleStarts), firstBundle * OffsetSize);

            var leafHashes = new byte[record.Count * Rfc6962.HashSize];
            LeafHasher.HashAll(entries, entries.Length, record.Count, leafHashes);
            RandomAccess.Write(HashFileHandle(0, create: true)!, leafHashes, record.Start * Rfc6962.HashSize);
            end = record.Start + record.Count;
        }

        // The subtrees completed since the slots' checkpoint, level by level from the one below.
        var children = new byte[TileLayout.TileWidth * Rfc6962.HashSize];
        var root = new byte[Rfc6962.HashSize];
        for (int level = 1; level <= TileLayout.MaxLevel; level++)
        {
            for (long node = TileLayout.HashCount(_recoveryBase, level); node < TileLayout.HashCount(end, level); node++)
            {
                ReadHashes(level - 1, node * TileLayout.TileWidth, children);
                Rfc6962.MerkleTreeHash(children, root);
                RandomAccess.Write(HashFileHandle(level, create: true)!, root, node * Rfc6962.HashSize);
            }
        }

        return end > _recoveryBase;
    }

    /// <summary>
    /// The end of a tree of <paramref name="treeSize"/> entries in entries.bin, with its last bundle as read from there
    /// (empty for an empty tree), how many entries of it the tree holds and their encoded length.
    /// </summary>
    private (long EntriesEnd, byte[] LastBundle, int InLastBundle, int LastBundleLength) ReadTreeEnd(long treeSize)
    {
        if (treeSize == 0)
        {
            return (0, [], 0, 0);
        }

        long bundle = (treeSize - 1) / TileLayout.TileWidth;
        long start = ReadOffset(bundle);
        int inLastBundle = (int)(treeSize - (bundle * TileLayout.TileWidth));
        byte[] run = ReadRange(_entries, start, Math.Min(RandomAccess.GetLength(_entries) - start, MaxBundleBytes), MaxBundleBytes);
        long length = EntryBundle.PrefixLength(run, inLastBundle);
        if (length < 0)
        {
            throw new InvalidDataException($"entries.bin ends before entry {treeSize - 1}.");
        }

        return (start + length, run, inLastBundle, (int)length);
    }

    public void AppendEntries(ReadOnlySpan<byte> encodedEntries, int count)
    {
        ThrowIfNotRecovered();
        var bundleStarts = new List<long>((count / TileLayout.TileWidth) + 1);
        if (!BundleWalk.ForEachBundleStart(encodedEntries, count, _entryCount, _entriesLength, bundleStarts.Add))
        {
            throw new ArgumentException($"The encoded entries do not hold exactly {count} entries.", nameof(encodedEntries));
        }

        byte[] offsets = EncodeOffsets(bundleStarts);
        _journal?.Stage(_entryCount, _entriesLength, encodedEntries, count);

        // Positional writes at the known ends: a torn or failed write only damages the uncommitted tail.
        RandomAccess.Write(_entries, encodedEntries, _entriesLength);
        RandomAccess.Write(_index, offsets, _bundleCount * OffsetSize);
        _dirty[EntriesSlot] = true;
        _dirty[IndexSlot] |= bundleStarts.Count > 0;
        _entriesLength += encodedEntries.Length;
        _bundleCount += bundleStarts.Count;
        _entryCount += count;
    }

    public void AppendHashes(int tileLevel, ReadOnlySpan<byte> hashes)
    {
        ThrowIfNotRecovered();

        SafeFileHandle file = HashFileHandle(tileLevel, create: true)!;
        RandomAccess.Write(file, hashes, _hashCounts[tileLevel] * Rfc6962.HashSize);
        _dirty[FirstHashSlot + tileLevel] = true;
        _hashCounts[tileLevel] += hashes.Length / Rfc6962.HashSize;
    }

    /// <summary>
    /// With a batch pending, nothing yet: <see cref="ReplaceCheckpoint"/> makes it durable, in the journal or through
    /// the data files. Otherwise (recovery, a new log) flushes what was written, as <see cref="FlushData"/> does.
    /// </summary>
    public void Sync()
    {
        ThrowIfReadOnly();
        if (!_journal!.HasStaged)
        {
            FlushData();
        }
    }

    /// <summary>
    /// Flushes the entries, and every other file written since the last flush — except the leaf hashes while they
    /// only grow the tree's last, partial tile: those are flushed with the batch that completes it. A crash may lose
    /// them (the power, not a killed process: they are in the page cache), and <see cref="TruncateTo"/> hashes the
    /// partial tile's entries again, which it must read anyway.
    /// </summary>
    private void FlushData() => Flush(leafHashes: _hashCounts[0] / TileLayout.TileWidth != _durableLeafTiles);

    private void Flush(bool leafHashes)
    {
        // Only files written since the last flush: a typical batch touches entries, the bundle index once per 256
        // entries and the leaf hashes; upper hash levels change once per 256^L entries.
        for (int file = 0; file < _dirty.Length; file++)
        {
            if (_dirty[file] && (leafHashes || file != FirstHashSlot))
            {
                RandomAccess.FlushToDisk(file switch
                {
                    EntriesSlot => _entries,
                    IndexSlot => _index,
                    _ => _hashes[file - FirstHashSlot]!,
                });
                _dirty[file] = false;
            }
        }

        if (leafHashes)
        {
            _durableLeafTiles = _hashCounts[0] / TileLayout.TileWidth;
        }
    }

    /// <summary>
    /// The commit point. A small batch: one journal record with the checkpoint, and one sync. Otherwise (the journal
    /// full, a bulk batch, the first commit after opening) the data files are flushed and the checkpoint goes to the
    /// slots, after which the journal starts again.
    /// </summary>
    public void ReplaceCheckpoint(ReadOnlySpan<byte> signedCheckpoint)
    {
        ThrowIfReadOnly();
        if (signedCheckpoint.Length > CheckpointSlots.MaxNoteBytes)
        {
            // Refused now, not when a later full flush has to put it in a slot.
            throw new ArgumentException($"A checkpoint note may be at most {CheckpointSlots.MaxNoteBytes} bytes.", nameof(signedCheckpoint));
        }

        if (_legacyCheckpoint || !_journal!.TryCommit(signedCheckpoint))
        {
            FlushData();
            WriteSlots(signedCheckpoint);
        }

        _journal!.ClearStaged();
        _latest = signedCheckpoint.ToArray();
    }

    private void WriteSlots(ReadOnlySpan<byte> signedCheckpoint)
    {
        _checkpoints!.Write(signedCheckpoint);
        _journal?.Restart();
        if (_legacyCheckpoint)
        {
            // The slots now hold a newer checkpoint, and they win whenever they hold one. The old file goes, so that an
            // older KPops (which reads only it) finds no checkpoint and refuses the data, rather than truncating the
            // log back to that stale size.
            File.Delete(Path.Combine(_directory, LegacyCheckpointFile));
            File.Delete(Path.Combine(_directory, LegacyCheckpointFile + ".tmp"));
            _legacyCheckpoint = false;
        }
    }

    public void ReadHashes(int tileLevel, long start, Span<byte> destination)
    {
        SafeFileHandle? file = HashFileHandle(tileLevel, create: false);
        if (file is null || ReadFully(file, destination, start * Rfc6962.HashSize) != destination.Length)
        {
            throw new InvalidDataException($"Hashes {start}.. of tile level {tileLevel} are not stored.");
        }
    }

    public byte[] ReadEntries(long start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        long firstBundle = start / TileLayout.TileWidth;
        long endBundle = ((start + count - 1) / TileLayout.TileWidth) + 1;
        long indexLength = RandomAccess.GetLength(_index);
        if ((firstBundle + 1) * OffsetSize > indexLength)
        {
            throw new InvalidDataException($"Entry {start} is not stored.");
        }

        long begin = ReadOffset(firstBundle);
        long end = (endBundle + 1) * OffsetSize <= indexLength ? ReadOffset(endBundle) : RandomAccess.GetLength(_entries);
        byte[] run = ReadRange(_entries, begin, end - begin, (endBundle - firstBundle) * MaxBundleBytes);
        return BundleWalk.Slice(run, (int)(start - (firstBundle * TileLayout.TileWidth)), count);
    }

    public void Dispose()
    {
        CloseJournal();
        _follower?.Dispose();
        _journal?.Dispose();
        _entries?.Dispose();
        _checkpoints?.Dispose();
        _index?.Dispose();
        foreach (SafeFileHandle? file in _hashes)
        {
            file?.Dispose();
        }

        _lock?.Dispose();
    }

    /// <summary>
    /// On close, a full flush and the newest checkpoint in the slots, so that a directory closed cleanly does not need
    /// its journal: an older KPops, which reads only the slots, would otherwise truncate it to the slots' size. If this
    /// fails, the journal still holds every commit.
    /// </summary>
    private void CloseJournal()
    {
        if (_journal is null || !_journal.HasRecords || _latest is null)
        {
            return;
        }

        try
        {
            Flush(leafHashes: true);
            WriteSlots(_latest);
        }
        catch (IOException)
        {
        }
    }

    private static string HashFile(int level) => $"hashes.{level}.bin";

    // Readers on other threads may race the writer to open a new level's file; only one handle may win.
    private SafeFileHandle? HashFileHandle(int level, bool create)
    {
        if (Volatile.Read(ref _hashes[level]) is { } existing)
        {
            return existing;
        }

        SafeFileHandle? opened = OpenData(HashFile(level), create);
        if (opened is null)
        {
            return null;
        }

        SafeFileHandle? winner = Interlocked.CompareExchange(ref _hashes[level], opened, null);
        if (winner is not null)
        {
            opened.Dispose();
            return winner;
        }

        return opened;
    }

    private SafeFileHandle? OpenData(string name, bool create)
    {
        string path = Path.Combine(_directory, name);
        if (!create && !File.Exists(path))
        {
            return null;
        }

        return _writable
            ? File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read)
            : File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    }

    /// <summary>Bundle offsets as entries.idx stores them: uint64 big-endian each.</summary>
    private static byte[] EncodeOffsets(List<long> bundleStarts)
    {
        var offsets = new byte[bundleStarts.Count * OffsetSize];
        for (int i = 0; i < bundleStarts.Count; i++)
        {
            BinaryPrimitives.WriteInt64BigEndian(offsets.AsSpan(i * OffsetSize), bundleStarts[i]);
        }

        return offsets;
    }

    private long ReadOffset(long bundle)
    {
        Span<byte> buffer = stackalloc byte[OffsetSize];
        if (ReadFully(_index, buffer, bundle * OffsetSize) != OffsetSize)
        {
            throw new InvalidDataException($"The bundle index has no entry {bundle}.");
        }

        return BinaryPrimitives.ReadInt64BigEndian(buffer);
    }

    private static byte[] ReadRange(SafeFileHandle file, long offset, long length, long maxLength)
    {
        if (length < 0 || length > maxLength)
        {
            throw new InvalidDataException("The bundle index points outside the entry data.");
        }

        var buffer = new byte[length];
        int read = ReadFully(file, buffer, offset);
        return read == length ? buffer : buffer.AsSpan(0, read).ToArray();
    }

    private static int ReadFully(SafeFileHandle file, Span<byte> destination, long offset)
    {
        int total = 0;
        while (total < destination.Length)
        {
            int read = RandomAccess.Read(file, destination[total..], offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private void ThrowIfReadOnly()
    {
        if (!_writable)
        {
            throw new InvalidOperationException("This storage was opened read-only.");
        }
    }

    private void ThrowIfNotRecovered()
    {
        ThrowIfReadOnly();
        if (_entryCount < 0)
        {
            throw new InvalidOperationException("Storage must be recovered with TruncateTo before appending.");
        }
    }
}
