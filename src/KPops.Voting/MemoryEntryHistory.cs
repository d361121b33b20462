namespace KPops.Voting;

/// <summary>An in-memory log of encoded entries: for tests, tools and recounts of downloaded logs.</summary>
public sealed class MemoryEntryHistory : IEntryHistory
{
    private readonly List<ReadOnlyMemory<byte>> _entries = [];

    public long Count => _entries.Count;

    /// <summary>Appends an entry and returns its index.</summary>
    public long Append(ReadOnlyMemory<byte> entry)
    {
        _entries.Add(entry);
        return _entries.Count - 1;
    }

    public bool TryRead(long index, out ReadOnlyMemory<byte> entry)
    {
        if (index < 0 || index >= _entries.Count)
        {
            entry = default;
            return false;
        }

        entry = _entries[(int)index];
        return true;
    }
}
