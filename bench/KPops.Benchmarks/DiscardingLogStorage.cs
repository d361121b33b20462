using KPops.Log;

namespace KPops.Benchmarks;

/// <summary>
/// A storage that keeps only the checkpoint and drops entries and hashes: the log core needs no reads to append,
/// so this measures the log and the pipeline without the growth of an in-memory copy of everything.
/// </summary>
internal sealed class DiscardingLogStorage : ILogStorage
{
    private byte[]? _checkpoint;

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

    public void AppendEntries(ReadOnlySpan<byte> encodedEntries, int count) => BytesWritten += encodedEntries.Length;

    public void AppendHashes(int tileLevel, ReadOnlySpan<byte> hashes) => BytesWritten += hashes.Length;

    public void Sync()
    {
    }

    public void ReplaceCheckpoint(ReadOnlySpan<byte> signedCheckpoint) => _checkpoint = signedCheckpoint.ToArray();

    public void ReadHashes(int tileLevel, long start, Span<byte> destination) =>
        throw new NotSupportedException("A discarding storage serves no reads.");

    public byte[] ReadEntries(long start, int count) => throw new NotSupportedException("A discarding storage serves no reads.");

    public void Dispose()
    {
    }
}
