using KPops.Log;

namespace KPops.Reliability.Tests.Infrastructure;

/// <summary>A disk fault that lasts until it is switched off.</summary>
public enum DiskFault
{
    None,

    /// <summary>Every write (entries, hashes, checkpoint) fails with an I/O error and persists nothing.</summary>
    WriteErrors,

    /// <summary>Writes go through, but every fsync fails: nothing can be made durable.</summary>
    SyncErrors,

    /// <summary>Every write that needs space fails with ENOSPC (truncation still works, as on a full file system).</summary>
    NoSpace,
}

/// <summary>
/// Storage whose disk can be broken and mended while the server runs: sustained write errors, fsync errors, a full
/// disk, and a slow fsync (<see cref="SyncDelay"/>). KPops.Log's <see cref="FaultyLogStorage"/> fails one chosen
/// operation once; this one holds a fault until the test clears it, which is what "recovers when the fault clears"
/// needs.
/// </summary>
internal sealed class SwitchableLogStorage(ILogStorage inner) : ILogStorage
{
    private const int NoSpaceErrno = 28;
    private volatile DiskFault _fault;
    private int _failures;

    public DiskFault Fault
    {
        get => _fault;
        set => _fault = value;
    }

    /// <summary>Added to every fsync (a slow or overloaded disk).</summary>
    public TimeSpan SyncDelay { get; set; }

    /// <summary>Operations failed so far.</summary>
    public int Failures => Volatile.Read(ref _failures);

    public bool IsEmpty => inner.IsEmpty;

    public byte[]? ReadCheckpoint() => inner.ReadCheckpoint();

    public void TruncateTo(long treeSize)
    {
        if (_fault == DiskFault.WriteErrors)
        {
            throw Failed("truncate");
        }

        inner.TruncateTo(treeSize);
    }

    public void AppendEntries(ReadOnlySpan<byte> encodedEntries, int count)
    {
        ThrowIfWritesFail("write entries");
        inner.AppendEntries(encodedEntries, count);
    }

    public void AppendHashes(int tileLevel, ReadOnlySpan<byte> hashes)
    {
        ThrowIfWritesFail("write hashes");
        inner.AppendHashes(tileLevel, hashes);
    }

    public void Sync()
    {
        if (SyncDelay > TimeSpan.Zero)
        {
            Thread.Sleep(SyncDelay);
        }

        if (_fault == DiskFault.SyncErrors)
        {
            throw Failed("fsync");
        }

        inner.Sync();
    }

    public void ReplaceCheckpoint(ReadOnlySpan<byte> signedCheckpoint)
    {
        ThrowIfWritesFail("write checkpoint");
        if (_fault == DiskFault.SyncErrors)
        {
            throw Failed("fsync checkpoint");
        }

        inner.ReplaceCheckpoint(signedCheckpoint);
    }

    public void ReadHashes(int tileLevel, long start, Span<byte> destination) => inner.ReadHashes(tileLevel, start, destination);

    public byte[] ReadEntries(long start, int count) => inner.ReadEntries(start, count);

    public void Dispose() => inner.Dispose();

    private void ThrowIfWritesFail(string operation)
    {
        if (_fault is DiskFault.WriteErrors or DiskFault.NoSpace)
        {
            throw Failed(operation);
        }
    }

    private IOException Failed(string operation)
    {
        Interlocked.Increment(ref _failures);
        return _fault == DiskFault.NoSpace
            ? new IOException($"No space left on device ({operation}, injected)", NoSpaceErrno)
            : new IOException($"Input/output error ({operation}, injected)");
    }
}
