namespace KPops.Voting.Entries;

/// <summary>
/// A decoded log entry. Ballots have their own allocation-free path (<see cref="BallotCodec"/>); the other
/// kinds are rare (a few per round) and decode to these records. <see cref="LogEntryCodec"/> reads any kind.
/// </summary>
public abstract record LogEntry
{
    public abstract EntryKind Kind { get; }

    /// <summary>Encodes the entry into <paramref name="destination"/>; false when it does not fit.</summary>
    public abstract bool TryWrite(Span<byte> destination, out int written);

    /// <summary>Encodes into a new array; for tools and tests, not the ballot path.</summary>
    public byte[] ToBytes()
    {
        var buffer = new byte[EntryFormat.MaxEntrySize];
        if (!TryWrite(buffer, out var written))
        {
            ThrowHelper.InvalidOperation($"The {Kind} entry does not fit in {EntryFormat.MaxEntrySize} bytes.");
        }

        return buffer[..written];
    }
}

/// <summary>A ballot as a <see cref="LogEntry"/>, for code that handles every kind alike.</summary>
public sealed record BallotEntry(Ballot Ballot) : LogEntry
{
    public override EntryKind Kind => EntryKind.Ballot;

    public override bool TryWrite(Span<byte> destination, out int written) => BallotCodec.TryWrite(Ballot, destination, out written);
}
