namespace KPops.Log;

/// <summary>
/// Where a log keeps its entries, tile-level hashes and signed checkpoint. The log drives it with one
/// protocol per batch — append entries, append hashes, <see cref="Sync"/>, <see cref="ReplaceCheckpoint"/> —
/// so an implementation only has to make each call do what it says; it never decides what is committed.
/// Data beyond the checkpoint's tree size is uncommitted and is discarded by <see cref="TruncateTo"/> on recovery.
/// </summary>
public interface ILogStorage : ITileLevelHashSource, IDisposable
{
    /// <summary>
    /// True when no entry or hash is stored. A log without a checkpoint must be empty: data with no checkpoint
    /// means the checkpoint was lost (e.g. deleted by hand), and recovery refuses to discard it.
    /// </summary>
    bool IsEmpty { get; }

    /// <summary>The last signed checkpoint that <see cref="ReplaceCheckpoint"/> made durable, or null for a new log.</summary>
    byte[]? ReadCheckpoint();

    /// <summary>
    /// Recovery: drops every entry and hash beyond a tree of <paramref name="treeSize"/> leaves (torn or never
    /// acknowledged tails) and checks that everything up to it is present, throwing <see cref="InvalidDataException"/>
    /// if not. Must be called once before the first append.
    /// </summary>
    void TruncateTo(long treeSize);

    /// <summary>Appends <paramref name="count"/> entries already in entry-bundle encoding (uint16 length + data each).</summary>
    void AppendEntries(ReadOnlySpan<byte> encodedEntries, int count);

    /// <summary>Appends hashes to tile level <paramref name="tileLevel"/> (0 = leaf hashes).</summary>
    void AppendHashes(int tileLevel, ReadOnlySpan<byte> hashes);

    /// <summary>
    /// Makes every append so far durable. One call per batch: the data commit point. A storage may instead make the
    /// appends durable in <see cref="ReplaceCheckpoint"/>, together with the checkpoint that covers them
    /// (<see cref="FileLogStorage"/>'s commit journal): either way, nothing is acknowledged before that returns.
    /// </summary>
    void Sync();

    /// <summary>
    /// Durably and atomically replaces the checkpoint: readers see the old one or the new one, never a mix. Once it
    /// returns, the appends it covers are durable too.
    /// </summary>
    void ReplaceCheckpoint(ReadOnlySpan<byte> signedCheckpoint);

    /// <summary>Entries [<paramref name="start"/>, start + <paramref name="count"/>) in entry-bundle encoding.</summary>
    byte[] ReadEntries(long start, int count);
}
