using KPops.Log;

namespace KPops.Benchmarks;

/// <summary>
/// A storage that keeps only the checkpoint and the first batch (the season definition, which the pipeline replays
/// when it opens) and drops every later entry and hash: the log core needs no reads to append, so this measures
/// the log and the pipeline without the growth of an in-memory copy of everything.
/// </summary>
internal sealed class DiscardingLogStorage : ILogStorage
{
    private byte[]? _checkpoint;
    private byte[]? _firstBatch;

    public long BytesWritten { get; private set; }

    public bool IsEmpty => BytesWritten == 0;

    public byte[]? ReadCheckpoint() => _checkpoint;

    public void TruncateTo(long treeSize)
    {
        if (treeSize != 0)
        {
            throw new InvalidDataException("A discarding storage cannot recover a non-empty log.");
        }
    }

    public void AppendEntries(ReadOnlySpan<byte> encodedEntries, int count)
    {
        _firstBatch ??= encodedEntries.ToArray();
        BytesWritten += encodedEntries.Length;
    }

    public void AppendHashes(int tileLevel, ReadOnlySpan<byte> hashes) => BytesWritten += hashes.Length;

    public void Sync()
    {
    }

    public void ReplaceCheckpoint(ReadOnlySpan<byte> signedCheckpoint) => _checkpoint = signedCheckpoint.ToArray();

    public void ReadHashes(int tileLevel, long start, Span<byte> destination) =>
        throw new NotSupportedException("A discarding storage serves no reads.");

    public byte[] ReadEntries(long start, int count)
    {
        // Only the first batch is kept: walk its length prefixes to the requested range.
        var bytes = _firstBatch ?? throw new NotSupportedException("Nothing was kept.");
        int offset = 0, from = -1;
        for (var i = 0; i < start + count; i++)
        {
            if (i == start)
            {
                from = offset;
            }

            if (offset >= bytes.Length)
            {
                throw new NotSupportedException("A discarding storage serves only the first batch.");
            }

            offset += EntryBundle.LengthPrefixSize + ((bytes[offset] << 8) | bytes[offset + 1]);
        }

        return bytes[from..offset];
    }

    public void Dispose()
    {
    }
}
