namespace KPops.Voting.Entries;

/// <summary>The producers opened a round's voting window at the given time (Unix ms).</summary>
public sealed record RoundOpened(ushort Round, long AtMs) : LogEntry
{
    public override EntryKind Kind => EntryKind.RoundOpened;

    public override bool TryWrite(Span<byte> destination, out int written)
    {
        var writer = new EntryWriter(destination, Kind);
        writer.WriteUInt16(Round);
        writer.WriteInt64(AtMs);
        return writer.TryFinish(out written);
    }

    internal static RoundOpened? Read(ReadOnlySpan<byte> entry, out EntryError error)
    {
        if (!EntryReader.TryOpen(entry, EntryKind.RoundOpened, out var reader, out error))
        {
            return null;
        }

        var result = new RoundOpened(reader.ReadUInt16(), reader.ReadInt64());
        return reader.TryFinish(out error) ? result : null;
    }
}

/// <summary>The round's window closed at the given time (Unix ms); no ballot is accepted after it, and no extension.</summary>
public sealed record RoundClosed(ushort Round, long AtMs) : LogEntry
{
    public override EntryKind Kind => EntryKind.RoundClosed;

    public override bool TryWrite(Span<byte> destination, out int written)
    {
        var writer = new EntryWriter(destination, Kind);
        writer.WriteUInt16(Round);
        writer.WriteInt64(AtMs);
        return writer.TryFinish(out written);
    }

    internal static RoundClosed? Read(ReadOnlySpan<byte> entry, out EntryError error)
    {
        if (!EntryReader.TryOpen(entry, EntryKind.RoundClosed, out var reader, out error))
        {
            return null;
        }

        var result = new RoundClosed(reader.ReadUInt16(), reader.ReadInt64());
        return reader.TryFinish(out error) ? result : null;
    }
}

/// <summary>Entered at one time (Unix ms): the round now closes at another instead of its scheduled time, and why.</summary>
public sealed record RoundExtended(ushort Round, long AtMs, long ClosesAtMs, string Reason) : LogEntry
{
    public override EntryKind Kind => EntryKind.RoundExtended;

    public override bool TryWrite(Span<byte> destination, out int written)
    {
        var writer = new EntryWriter(destination, Kind);
        writer.WriteUInt16(Round);
        writer.WriteInt64(AtMs);
        writer.WriteInt64(ClosesAtMs);
        writer.WriteText(Reason);
        return writer.TryFinish(out written);
    }

    internal static RoundExtended? Read(ReadOnlySpan<byte> entry, out EntryError error)
    {
        if (!EntryReader.TryOpen(entry, EntryKind.RoundExtended, out var reader, out error))
        {
            return null;
        }

        var result = new RoundExtended(reader.ReadUInt16(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadText());
        return reader.TryFinish(out error) ? result : null;
    }
}
