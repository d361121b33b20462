namespace KPops.Log;

/// <summary>
/// What a successful append guarantees: entries [FirstIndex, FirstIndex + Count) are durably in the log,
/// covered by <see cref="Checkpoint"/>, in the order they were given.
/// </summary>
public readonly record struct AppendResult(long FirstIndex, int Count, SignedCheckpoint Checkpoint);

/// <summary>One log entry and its index.</summary>
public readonly record struct LogEntry(long Index, ReadOnlyMemory<byte> Data);
