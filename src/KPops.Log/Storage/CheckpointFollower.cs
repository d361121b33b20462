using Microsoft.Win32.SafeHandles;

namespace KPops.Log;

/// <summary>
/// The newest checkpoint of a data directory, for a reader beside its live writer (<see cref="FileLogStorage.OpenReadOnly"/>):
/// the slots as they stand now, then the journal's records that followed them. It remembers where the journal's chain
/// stopped and reads only what was appended since, until the slots change (a full flush), when it starts over.
/// </summary>
internal sealed class CheckpointFollower(string directory, Func<byte[]?> readSlots) : IDisposable
{
    private readonly Lock _gate = new();
    private SafeFileHandle? _journal;
    private byte[]? _base;
    private long _offset;
    private long _end;
    private byte[]? _latest;

    public byte[]? Read()
    {
        lock (_gate)
        {
            byte[]? slots = readSlots();
            if (slots is null)
            {
                return null;
            }

            if (_base is null || !slots.AsSpan().SequenceEqual(_base))
            {
                _base = slots;
                _latest = slots;
                _offset = 0;
                _end = CommitJournal.TryReadTreeSize(slots, out long size) ? size : -1;
            }

            _journal ??= CommitJournal.OpenForReading(directory);
            if (_journal is not null && _end >= 0)
            {
                _offset = CommitJournal.ReadChain(_journal, _offset, _end, null, out _end, out byte[]? last);
                _latest = last ?? _latest;
            }

            return _latest;
        }
    }

    public void Dispose() => _journal?.Dispose();
}
