using System.Buffers;

namespace KPops.Log;

/// <summary>
/// The log sequencer: one instance owns one storage and is the only writer. <see cref="AppendBatch(EntryBatch)"/>
/// assigns indices, integrates the tree, makes the batch durable with one sync and commits it by replacing
/// the signed checkpoint. An append returns durably assigned indices or throws.
/// <para>
/// Threading: one thread at a time may append (the sequencer); proofs, entry reads, tiles and
/// <see cref="Checkpoint"/> may be read concurrently from any thread and only ever see committed data.
/// </para>
/// <para>
/// After an append throws, the storage may hold an uncommitted tail and the log refuses further appends
/// (<see cref="IsFaulted"/>): call <see cref="Open"/> again on the same storage (or a reopened one for files),
/// which recovers it, and use the new instance. The failed batch may or may not be in the log afterwards (e.g. the checkpoint was written but
/// the call failed after); its indices are never handed to other entries unless it is absent.
/// </para>
/// </summary>
public sealed class TransparencyLog : IDisposable
{
    /// <summary>The largest batch whose nodes <see cref="RememberCommitted"/> keeps for proofs.</summary>
    private const int MaxRememberedBatch = 1024;

    private readonly ILogStorage _storage;
    private readonly NoteSigner _signer;
    private readonly CachingHashReader _hashReader;
    private readonly TileHashCollector _collector = new();
    private CompactRange _range;
    private CompactRange _next = new();
    private volatile SignedCheckpoint _checkpoint;
    private byte[] _leafHashes = [];

    private TransparencyLog(ILogStorage storage, NoteSigner signer, string origin, CompactRange range, SignedCheckpoint checkpoint)
    {
        _storage = storage;
        _signer = signer;
        Origin = origin;
        _range = range;
        _checkpoint = checkpoint;
        // Proofs are asked only against committed checkpoints, and a new instance (a new memory) follows any recovery.
        _hashReader = new CachingHashReader(storage);
    }

    public string Origin { get; }

    /// <summary>The key auditors use to verify this log's checkpoints.</summary>
    public NoteVerifier Verifier => _signer.Verifier;

    /// <summary>The latest committed checkpoint: everything below its size is durable and served.</summary>
    public SignedCheckpoint Checkpoint => _checkpoint;

    public long Size => _checkpoint.Size;

    /// <summary>True after a failed append; the log must be re-opened before it accepts entries again.</summary>
    public bool IsFaulted { get; private set; }

    /// <summary>
    /// Opens a log on <paramref name="storage"/>, recovering it: the stored checkpoint must verify under
    /// <paramref name="signer"/>'s key for <paramref name="origin"/>; data past its size (never acknowledged)
    /// is truncated; and the stored tree's root must equal the checkpoint's. A new storage gets a signed
    /// checkpoint for the empty tree.
    /// </summary>
    public static TransparencyLog Open(ILogStorage storage, NoteSigner signer, string origin)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentException.ThrowIfNullOrEmpty(origin);

        byte[]? stored = storage.ReadCheckpoint();
        if (stored is null)
        {
            if (!storage.IsEmpty)
            {
                throw new InvalidDataException("The storage holds log data but no checkpoint; refusing to start a new log over it.");
            }

            storage.TruncateTo(0);
            var empty = SignedCheckpoint.Create(new Checkpoint(origin, 0, Rfc6962.EmptyRoot), signer);
            storage.Sync();
            storage.ReplaceCheckpoint(empty.Note.Span);
            return new TransparencyLog(storage, signer, origin, new CompactRange(), empty);
        }

        if (!LogVerifier.TryVerifyCheckpoint(stored, signer.Verifier, origin, out Checkpoint? checkpoint, out string? error))
        {
            throw new InvalidDataException($"The stored checkpoint does not verify with this log's key and origin: {error}.");
        }

        storage.TruncateTo(checkpoint.Size);
        var range = CompactRange.FromStoredTree(checkpoint.Size, new TileLevelHashReader(storage));
        if (!range.RootHash().AsSpan().SequenceEqual(checkpoint.RootHash))
        {
            throw new InvalidDataException($"The stored tree of size {checkpoint.Size} does not have the checkpoint's root hash.");
        }

        return new TransparencyLog(storage, signer, origin, range, new SignedCheckpoint(checkpoint, stored));
    }

    /// <summary>Appends every entry of <paramref name="batch"/> (each ≤ 65,535 bytes) as one durable commit.</summary>
    public AppendResult AppendBatch(EntryBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (IsFaulted)
        {
            throw new InvalidOperationException("A previous append failed; re-open the log to recover it before appending.");
        }

        long first = _range.Size;
        int count = batch.Count;
        if (count == 0)
        {
            return new AppendResult(first, 0, _checkpoint);
        }

        // 1. Hash the leaves and integrate them into a copy of the right edge: pure, nothing is written yet.
        int hashBytes = count * Rfc6962.HashSize;
        if (_leafHashes.Length < hashBytes)
        {
            if (_leafHashes.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_leafHashes);
            }

            _leafHashes = ArrayPool<byte>.Shared.Rent(hashBytes);
        }

        Span<byte> leafHashes = _leafHashes.AsSpan(0, hashBytes);
        LeafHasher.HashAll(batch.Buffer, batch.EncodedLength, count, _leafHashes);
        CompactRange next = _next;
        _range.CopyTo(next);
        _collector.Clear();
        for (int i = 0; i < count; i++)
        {
            next.Append(leafHashes.Slice(i * Rfc6962.HashSize, Rfc6962.HashSize), _collector);
        }

        var checkpoint = new Checkpoint(Origin, next.Size, next.RootHash());
        try
        {
            // 2. Write entries and hashes past the committed size. A crash here leaves an unacknowledged
            //    tail that recovery truncates: those indices were never handed out.
            _storage.AppendEntries(batch.Encoded, count);
            _storage.AppendHashes(0, leafHashes);
            for (int level = 1; level <= TileLayout.MaxLevel; level++)
            {
                ReadOnlySpan<byte> completed = _collector.Hashes(level);
                if (completed.IsEmpty)
                {
                    break;
                }

                _storage.AppendHashes(level, completed);
            }

            // 3. One durable sync for the batch (or none yet: a storage with a journal makes the batch durable with
            //    its checkpoint in step 4). A crash after it still truncates the batch: no checkpoint covers it, so it
            //    was not acknowledged.
            _storage.Sync();

            // 4. Commit: atomically replace the checkpoint. Before the replace the old tree stands; after it,
            //    the batch is in the log for good, even if this call then fails to return.
            var signed = SignedCheckpoint.Create(checkpoint, _signer);
            _storage.ReplaceCheckpoint(signed.Note.Span);

            (_range, _next) = (next, _range);
            _checkpoint = signed;
            RememberCommitted(first, leafHashes);
            return new AppendResult(first, count, signed);
        }
        catch
        {
            IsFaulted = true;
            throw;
        }
    }

    /// <summary>
    /// Hands the batch's leaf hashes and the subtrees it completed to the proof reader's memory, now that they are
    /// committed: the batch's receipts ask for exactly these (each receipt's own leaf, its neighbours' subtrees), and
    /// would otherwise read them back from storage — a read, and a fold of up to 128 leaf hashes, per receipt. Only
    /// batches of at most <see cref="MaxRememberedBatch"/> entries: voters waiting for receipts come in batches of tens
    /// to hundreds, while the largest batches are bulk (partner gateways), whose answers carry no proofs — remembering
    /// those would cost the sequencer an object per node and push the receipts' nodes out of the memory.
    /// </summary>
    private void RememberCommitted(long first, ReadOnlySpan<byte> leafHashes)
    {
        if (leafHashes.Length > MaxRememberedBatch * Rfc6962.HashSize)
        {
            return;
        }

        for (int i = 0; i < leafHashes.Length / Rfc6962.HashSize; i++)
        {
            _hashReader.Prime(0, first + i, leafHashes.Slice(i * Rfc6962.HashSize, Rfc6962.HashSize));
        }

        for (int i = 0; i < _collector.NodeCount; i++)
        {
            ReadOnlySpan<byte> hash = _collector.Node(i, out int level, out long index);
            _hashReader.Prime(level, index, hash);
        }
    }

    /// <summary>Convenience overload: appends the given entries as one batch.</summary>
    public AppendResult AppendBatch(ReadOnlySpan<ReadOnlyMemory<byte>> entries)
    {
        int bytes = 0;
        foreach (ReadOnlyMemory<byte> entry in entries)
        {
            bytes += EntryBundle.EncodedSize(entry.Length);
        }

        using var batch = new EntryBatch(bytes);
        foreach (ReadOnlyMemory<byte> entry in entries)
        {
            batch.Add(entry.Span);
        }

        return AppendBatch(batch);
    }

    /// <summary>The audit path proving entry <paramref name="index"/> is in the tree of <paramref name="treeSize"/> leaves.</summary>
    public byte[][] InclusionProof(long index, long treeSize)
    {
        ThrowIfBeyondCheckpoint(treeSize);
        return MerkleProofs.Inclusion(index, treeSize, _hashReader);
    }

    /// <summary>
    /// The audit path for entry <paramref name="index"/> in the tree of <paramref name="treeSize"/> leaves, its hashes
    /// back to back in <paramref name="destination"/> (<see cref="MerkleProofs.MaxInclusionProofHashes"/> hashes of room
    /// always suffice); returns how many.
    /// </summary>
    public int InclusionProof(long index, long treeSize, Span<byte> destination)
    {
        ThrowIfBeyondCheckpoint(treeSize);
        return MerkleProofs.Inclusion(index, treeSize, _hashReader, destination);
    }

    /// <summary>The proof that the tree of <paramref name="oldSize"/> is a prefix of the tree of <paramref name="newSize"/>.</summary>
    public byte[][] ConsistencyProof(long oldSize, long newSize)
    {
        ThrowIfBeyondCheckpoint(newSize);
        return MerkleProofs.Consistency(oldSize, newSize, _hashReader);
    }

    /// <summary>The root hash of the tree of <paramref name="treeSize"/> leaves (any committed size).</summary>
    public byte[] RootHash(long treeSize)
    {
        ThrowIfBeyondCheckpoint(treeSize);
        return MerkleProofs.RootHash(treeSize, _hashReader);
    }

    /// <summary>The leaf hash of entry <paramref name="index"/>.</summary>
    public byte[] LeafHash(long index)
    {
        var hash = new byte[Rfc6962.HashSize];
        LeafHash(index, hash);
        return hash;
    }

    /// <summary>The leaf hash of entry <paramref name="index"/>, into <paramref name="destination"/> (32 bytes).</summary>
    public void LeafHash(long index, Span<byte> destination)
    {
        ThrowIfNotCommitted(index);
        _hashReader.ReadNodeHash(0, index, destination);
    }

    public byte[] ReadEntry(long index)
    {
        ThrowIfNotCommitted(index);
        byte[] encoded = _storage.ReadEntries(index, 1);
        return encoded.AsSpan(EntryBundle.LengthPrefixSize).ToArray();
    }

    /// <summary>Streams committed entries [<paramref name="start"/>, <paramref name="end"/>), one bundle read at a time.</summary>
    public IEnumerable<LogEntry> ReadEntries(long start, long end)
    {
        if (start < 0 || end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(start));
        }

        ThrowIfBeyondCheckpoint(end);
        return Enumerate(start, end);
    }

    /// <summary>
    /// The bytes of a tlog-tiles resource (hash tile or entry bundle) if the committed tree covers it,
    /// otherwise null. Full tiles never change once they exist; partial ones are computed on demand.
    /// </summary>
    public byte[]? ReadTile(TilePath tile) => TileReader.Read(_storage, tile, Size);

    public void Dispose()
    {
        _collector.Dispose();
        if (_leafHashes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_leafHashes);
            _leafHashes = [];
        }
    }

    private IEnumerable<LogEntry> Enumerate(long start, long end)
    {
        long index = start;
        while (index < end)
        {
            int count = (int)Math.Min(end - index, TileLayout.TileWidth - (index % TileLayout.TileWidth));
            byte[] encoded = _storage.ReadEntries(index, count);
            int offset = 0;
            for (int i = 0; i < count; i++)
            {
                int length = (encoded[offset] << 8) | encoded[offset + 1];
                yield return new LogEntry(index + i, encoded.AsMemory(offset + EntryBundle.LengthPrefixSize, length));
                offset += EntryBundle.LengthPrefixSize + length;
            }

            index += count;
        }
    }

    private void ThrowIfBeyondCheckpoint(long treeSize)
    {
        if (treeSize < 0 || treeSize > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(treeSize), $"Tree size {treeSize} is beyond the committed size {Size}.");
        }
    }

    private void ThrowIfNotCommitted(long index)
    {
        if (index < 0 || index >= Size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Entry {index} is not in the committed tree of size {Size}.");
        }
    }
}
