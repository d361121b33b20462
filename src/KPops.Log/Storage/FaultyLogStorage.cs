namespace KPops.Log;

/// <summary>How an injected storage fault behaves.</summary>
public enum StorageFault
{
    /// <summary>The operation throws before touching the inner storage.</summary>
    FailsAndDoesNotPersist = 1,

    /// <summary>The operation completes on the inner storage, then throws anyway (e.g. a lost acknowledgement).</summary>
    FailsButPersists = 2,
}

/// <summary>Thrown by <see cref="FaultyLogStorage"/> for an injected fault.</summary>
public sealed class InjectedStorageFaultException(string message) : IOException(message);

/// <summary>
/// A test wrapper that fails the n-th mutating storage operation (recovery truncation, appends, sync,
/// checkpoint replacement) in a chosen way, once. Reads pass through. Run a scenario once without a
/// fault to learn <see cref="OperationCount"/>, then replay it failing at every operation index.
/// </summary>
public sealed class FaultyLogStorage(ILogStorage inner) : ILogStorage
{
    private int _failAt = -1;
    private StorageFault _fault;

    /// <summary>Mutating operations seen so far.</summary>
    public int OperationCount { get; private set; }

    /// <summary>The description of the operation that failed, if one did.</summary>
    public string? FailedOperation { get; private set; }

    /// <summary>Arms a fault for the operation with zero-based number <paramref name="operation"/> (counted from now on).</summary>
    public void FailAt(int operation, StorageFault fault)
    {
        _failAt = OperationCount + operation;
        _fault = fault;
    }

    public bool IsEmpty => inner.IsEmpty;

    public byte[]? ReadCheckpoint() => inner.ReadCheckpoint();

    public void TruncateTo(long treeSize)
    {
        Mutate($"TruncateTo({treeSize})", () => inner.TruncateTo(treeSize));
    }

    public void AppendEntries(ReadOnlySpan<byte> encodedEntries, int count)
    {
        byte[] copy = encodedEntries.ToArray();
        Mutate($"AppendEntries({count})", () => inner.AppendEntries(copy, count));
    }

    public void AppendHashes(int tileLevel, ReadOnlySpan<byte> hashes)
    {
        byte[] copy = hashes.ToArray();
        Mutate($"AppendHashes({tileLevel})", () => inner.AppendHashes(tileLevel, copy));
    }

    public void Sync() => Mutate("Sync", inner.Sync);

    public void ReplaceCheckpoint(ReadOnlySpan<byte> signedCheckpoint)
    {
        byte[] copy = signedCheckpoint.ToArray();
        Mutate("ReplaceCheckpoint", () => inner.ReplaceCheckpoint(copy));
    }

    public void ReadHashes(int tileLevel, long start, Span<byte> destination) => inner.ReadHashes(tileLevel, start, destination);

    public byte[] ReadEntries(long start, int count) => inner.ReadEntries(start, count);

    public void Dispose() => inner.Dispose();

    private void Mutate(string operation, Action apply)
    {
        int number = OperationCount++;
        if (number != _failAt)
        {
            apply();
            return;
        }

        _failAt = -1;
        FailedOperation = operation;
        if (_fault == StorageFault.FailsButPersists)
        {
            apply();
        }

        throw new InjectedStorageFaultException($"Injected fault ({_fault}) at operation {number}: {operation}.");
    }
}
