namespace KPops.Log;

/// <summary>
/// In-memory storage for tests and tools. It also models a disk: writes are "volatile" until <see cref="Sync"/>,
/// and <see cref="SimulateCrash"/> can drop them, so recovery can be tested without files.
/// Thread-safe: the sequencer appends while readers serve tiles.
/// </summary>
public sealed class MemoryLogStorage : ILogStorage
{
    private readonly Lock _lock = new();
    private readonly GrowableBuffer _entries = new();
    private readonly List<long> _bundleOffsets = [];
    private readonly List<GrowableBuffer> _hashes = [];
    private long _entryCount = -1;
    private byte[]? _checkpoint;

    // What a crash would keep when unsynced writes are lost.
    private int _syncedEntriesLength;
    private int _syncedBundleCount;
    private readonly List<int> _syncedHashLengths = [];

    public bool IsEmpty
    {
        get
        {
            lock (_lock)
            {
                return _entries.Length == 0 && _hashes.TrueForAll(level => level.Length == 0);
            }
        }
    }

    public byte[]? ReadCheckpoint()
    {
        lock (_lock)
        {
            return _checkpoint?.ToArray();
        }
    }

    public void TruncateTo(long treeSize)
    {
        lock (_lock)
        {
            int bundles = checked((int)((treeSize + TileLayout.TileWidth - 1) / TileLayout.TileWidth));
            if (_bundleOffsets.Count < bundles)
            {
                throw new InvalidDataException($"Storage holds fewer than {treeSize} entries.");
            }

            long end = bundles == 0 ? 0 : _bundleOffsets[bundles - 1] + PrefixOrThrow(_bundleOffsets[bundles - 1], (int)(treeSize - ((long)(bundles - 1) * TileLayout.TileWidth)));
            _bundleOffsets.RemoveRange(bundles, _bundleOffsets.Count - bundles);
            _entries.Length = (int)end;
            for (int level = 0; level < _hashes.Count; level++)
            {
                long keep = TileLayout.HashCount(treeSize, level) * Rfc6962.HashSize;
                if (_hashes[level].Length < keep)
                {
                    throw new InvalidDataException($"Storage holds fewer hashes at tile level {level} than a tree of {treeSize} needs.");
                }

                _hashes[level].Length = (int)keep;
            }

            if (TileLayout.LevelCount(treeSize) > _hashes.Count)
            {
                throw new InvalidDataException($"Storage lacks tile levels a tree of {treeSize} needs.");
            }

            _entryCount = treeSize;
            MarkSynced();
        }
    }

    public void AppendEntries(ReadOnlySpan<byte> encodedEntries, int count)
    {
        lock (_lock)
        {
            ThrowIfNotRecovered();
            var starts = new List<long>();
            if (!BundleWalk.ForEachBundleStart(encodedEntries, count, _entryCount, _entries.Length, starts.Add))
            {
                throw new ArgumentException($"The encoded entries do not hold exactly {count} entries.", nameof(encodedEntries));
            }

            _entries.Append(encodedEntries);
            _bundleOffsets.AddRange(starts);
            _entryCount += count;
        }
    }

    public void AppendHashes(int tileLevel, ReadOnlySpan<byte> hashes)
    {
        lock (_lock)
        {
            ThrowIfNotRecovered();
            while (_hashes.Count <= tileLevel)
            {
                _hashes.Add(new GrowableBuffer());
                _syncedHashLengths.Add(0);
            }

            _hashes[tileLevel].Append(hashes);
        }
    }

    public void Sync()
    {
        lock (_lock)
        {
            MarkSynced();
        }
    }

    public void ReplaceCheckpoint(ReadOnlySpan<byte> signedCheckpoint)
    {
        lock (_lock)
        {
            _checkpoint = signedCheckpoint.ToArray();
        }
    }

    public void ReadHashes(int tileLevel, long start, Span<byte> destination)
    {
        lock (_lock)
        {
            long offset = start * Rfc6962.HashSize;
            if (tileLevel >= _hashes.Count || offset + destination.Length > _hashes[tileLevel].Length)
            {
                throw new InvalidDataException($"Hashes {start}.. of tile level {tileLevel} are not stored.");
            }

            _hashes[tileLevel].Span.Slice((int)offset, destination.Length).CopyTo(destination);
        }
    }

    public byte[] ReadEntries(long start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_lock)
        {
            int bundle = (int)(start / TileLayout.TileWidth);
            if (bundle >= _bundleOffsets.Count)
            {
                throw new InvalidDataException($"Entry {start} is not stored.");
            }

            ReadOnlySpan<byte> run = _entries.Span[(int)_bundleOffsets[bundle]..];
            return BundleWalk.Slice(run, (int)(start % TileLayout.TileWidth), count);
        }
    }

    /// <summary>
    /// Simulates a crash and restart: the storage must be recovered again, and with
    /// <paramref name="loseUnsyncedWrites"/> everything appended since the last <see cref="Sync"/> is gone.
    /// </summary>
    public void SimulateCrash(bool loseUnsyncedWrites)
    {
        lock (_lock)
        {
            if (loseUnsyncedWrites)
            {
                _entries.Length = _syncedEntriesLength;
                _bundleOffsets.RemoveRange(_syncedBundleCount, _bundleOffsets.Count - _syncedBundleCount);
                for (int level = 0; level < _hashes.Count; level++)
                {
                    _hashes[level].Length = _syncedHashLengths[level];
                }
            }

            _entryCount = -1;
        }
    }

    /// <summary>Appends bytes to the raw entry data, as a torn write would leave them.</summary>
    public void AppendGarbageToEntries(ReadOnlySpan<byte> garbage)
    {
        lock (_lock)
        {
            _entries.Append(garbage);
        }
    }

    public void Dispose()
    {
    }

    private long PrefixOrThrow(long bundleOffset, int entries)
    {
        long length = EntryBundle.PrefixLength(_entries.Span[(int)bundleOffset..], entries);
        return length >= 0 ? length : throw new InvalidDataException("Stored entries end inside the committed tree.");
    }

    private void MarkSynced()
    {
        _syncedEntriesLength = _entries.Length;
        _syncedBundleCount = _bundleOffsets.Count;
        for (int level = 0; level < _hashes.Count; level++)
        {
            _syncedHashLengths[level] = _hashes[level].Length;
        }
    }

    private void ThrowIfNotRecovered()
    {
        if (_entryCount < 0)
        {
            throw new InvalidOperationException("Storage must be recovered with TruncateTo before appending.");
        }
    }

    private sealed class GrowableBuffer
    {
        private byte[] _data = new byte[4096];

        public int Length { get; set; }

        public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

        public void Append(ReadOnlySpan<byte> bytes)
        {
            if (Length + bytes.Length > _data.Length)
            {
                Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + bytes.Length));
            }

            bytes.CopyTo(_data.AsSpan(Length));
            Length += bytes.Length;
        }
    }
}
