namespace KPops.Voting;

/// <summary>
/// Random access to entries already in the log. Quarantines need it to take back ballots counted earlier;
/// it is read only then, so an implementation may be slow (read tiles from storage).
/// </summary>
public interface IEntryHistory
{
    /// <summary>Number of entries in the log.</summary>
    long Count { get; }

    /// <summary>The entry's bytes; false when <paramref name="index"/> is beyond the log.</summary>
    bool TryRead(long index, out ReadOnlyMemory<byte> entry);
}
