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
/// <item><c>checkpoint.slots</c> — the signed checkpoint, in two slots written in turn (<see cref="CheckpointSlots"/>);
/// a directory written before them has a plain <c>checkpoint</c> file instead, read until the first batch replaces it;</item>
/// <item><c>lock</c> — held exclusively by the one writer.</item>
/// </list>
/// All data files are append-only; anything past the checkpoint's size is an uncommitted tail that
/// <see cref="TruncateTo"/> cuts off on recovery.
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
    private readonly SafeFileHandle _entries;
    private readonly SafeFileHandle _index;
    private readonly SafeFileHandle?[] _hashes = new SafeFileHandle?[TileLayout.MaxLevel + 1];

    // Complete tiles of leaf hashes known flushed: Sync flushes the leaf hashes when this falls behind.
    private long _durableLeafTiles;

    // A plain checkpoint file from before the slots may still be there until the first replacement.
    private bool _legacyCheckpoint = true;

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
        // The writer's own slots, or (read-only, beside a live writer) the file as it stands now.
        byte[]? latest = _checkpoints is not null ? _checkpoints.ReadLatest() : CheckpointSlots.ReadLatest(_directory);
        string legacy = Path.Combine(_directory, LegacyCheckpointFile);
        return latest ?? (File.Exists(legacy) ? File.ReadAllBytes(legacy) : null);
    }

    public void TruncateTo(long treeSize)
    {
        ThrowIfReadOnly();
        long bundles = (treeSize + TileLayout.TileWidth - 1) / TileLayout.TileWidth;
        if (RandomAccess.GetLength(_index) < bundles * OffsetSize)
        {
            throw new InvalidDataException($"The bundle index holds fewer than {treeSize} entries.");
        }

        long entriesEnd = 0;
        byte[] lastBundle = [];
        int inLastBundle = 0;
        int lastBundleLength = 0;
        if (bundles > 0)
        {
            long lastStart = ReadOffset(bundles - 1);
            inLastBundle = (int)(treeSize - ((bundles - 1) * TileLayout.TileWidth));
            lastBundle = ReadRange(_entries, lastStart, Math.Min(RandomAccess.GetLength(_entries) - lastStart, MaxBundleBytes), MaxBundleBytes);
            long length = EntryBundle.PrefixLength(lastBundle, inLastBundle);
            if (length < 0)
            {
                throw new InvalidDataException($"entries.bin ends before entry {treeSize - 1}.");
            }

            entriesEnd = lastStart + length;
            lastBundleLength = (int)length;
        }

        // The leaf hashes of a partial last tile may have been lost with the power (see Sync): hash its entries anew.
        // The entries are flushed on every Sync, so they are whole up to treeSize.
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
    }

    public void AppendEntries(ReadOnlySpan<byte> encodedEntries, int count)
    {
        ThrowIfNotRecovered();
        var bundleStarts = new List<long>((count / TileLayout.TileWidth) + 1);
        if (!BundleWalk.ForEachBundleStart(encodedEntries, count, _entryCount, _entriesLength, bundleStarts.Add))
        {
            throw new ArgumentException($"The encoded entries do not hold exactly {count} entries.", nameof(encodedEntries));
        }

        var offsets = new byte[bundleStarts.Count * OffsetSize];
        for (int i = 0; i < bundleStarts.Count; i++)
        {
            BinaryPrimitives.WriteInt64BigEndian(offsets.AsSpan(i * OffsetSize), bundleStarts[i]);
        }

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
    /// Flushes the entries, and every other file written since the last flush — except the leaf hashes while they
    /// only grow the tree's last, partial tile: those are flushed with the batch that completes it. A crash may lose
    /// them (the power, not a killed process: they are in the page cache), and <see cref="TruncateTo"/> hashes the
    /// partial tile's entries again, which it must read anyway. That spares one fsync in most commits — a commit
    /// with few ballots, as when every voter waits for a receipt, was three: entries, leaf hashes, checkpoint.
    /// </summary>
    public void Sync()
    {
        ThrowIfReadOnly();
        Flush(leafHashes: _hashCounts[0] / TileLayout.TileWidth != _durableLeafTiles);
    }

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

    public void ReplaceCheckpoint(ReadOnlySpan<byte> signedCheckpoint)
    {
        ThrowIfReadOnly();
        _checkpoints!.Write(signedCheckpoint);
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
        _entries?.Dispose();
        _checkpoints?.Dispose();
        _index?.Dispose();
        foreach (SafeFileHandle? file in _hashes)
        {
            file?.Dispose();
        }

        _lock?.Dispose();
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
