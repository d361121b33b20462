namespace KPops.Voting.Entries;

/// <summary>What a quarantine covers. Persisted as a byte; values frozen by test.</summary>
public enum QuarantineTarget : byte
{
    /// <summary>Entries <c>From</c> (inclusive) to <c>To</c> (exclusive).</summary>
    EntryRange = 1,

    /// <summary>The listed entry indices.</summary>
    EntryList = 2,

    /// <summary>Every ballot of one voter pseudonym, in one round or (round = <see cref="EntryFormat.NoIndex"/>) all.</summary>
    Voter = 3,
}

/// <summary>Why ballots were quarantined. Persisted as a byte; values frozen by test.</summary>
public enum QuarantineReason : byte
{
    Other = 0,

    /// <summary>Many accounts operated by one person or bot farm (Produce 101's multi-ID abuse).</summary>
    MultipleAccounts = 1,

    /// <summary>Automated voting detected.</summary>
    Automation = 2,

    /// <summary>A partner's batch that failed verification after it was accepted.</summary>
    PartnerBatch = 3,

    /// <summary>Purchased or traded accounts or votes.</summary>
    VoteBuying = 4,
}

/// <summary>
/// Excludes ballots from every count without deleting anything: the ballots stay in the log, and a recount
/// applies the same exclusion. Only ballots before this entry can be covered by index; a voter quarantine
/// also refuses that voter's later ballots.
/// </summary>
public sealed record QuarantineEntry : LogEntry
{
    /// <summary>An entry list holds at most this many indices, so the entry stays far below the size limit.</summary>
    public const int MaxListedEntries = 4096;

    private QuarantineEntry(QuarantineTarget target, QuarantineReason reason, string note)
    {
        Target = target;
        Reason = reason;
        Note = note;
    }

    public QuarantineTarget Target { get; }
    public QuarantineReason Reason { get; }
    public string Note { get; }

    public long From { get; private init; }
    public long To { get; private init; }
    public IReadOnlyList<long> Entries { get; private init; } = [];
    public VoterPseudonym Voter { get; private init; }

    /// <summary>Round index for a voter quarantine; <see cref="EntryFormat.NoIndex"/> means every round.</summary>
    public ushort Round { get; private init; } = EntryFormat.NoIndex;

    public override EntryKind Kind => EntryKind.Quarantine;

    public static QuarantineEntry ForRange(long from, long to, QuarantineReason reason, string note) =>
        new(QuarantineTarget.EntryRange, reason, note) { From = from, To = to };

    public static QuarantineEntry ForEntries(IReadOnlyList<long> entries, QuarantineReason reason, string note) =>
        new(QuarantineTarget.EntryList, reason, note) { Entries = entries };

    public static QuarantineEntry ForVoter(VoterPseudonym voter, ushort round, QuarantineReason reason, string note) =>
        new(QuarantineTarget.Voter, reason, note) { Voter = voter, Round = round };

    public override bool TryWrite(Span<byte> destination, out int written)
    {
        var writer = new EntryWriter(destination, Kind);
        writer.WriteByte((byte)Target);
        writer.WriteByte((byte)Reason);
        writer.WriteText(Note);
        switch (Target)
        {
            case QuarantineTarget.EntryRange:
                writer.WriteInt64(From);
                writer.WriteInt64(To);
                break;
            case QuarantineTarget.EntryList:
                if (Entries.Count > MaxListedEntries)
                {
                    written = 0;
                    return false;
                }

                writer.WriteUInt16((ushort)Entries.Count);
                foreach (var index in Entries)
                {
                    writer.WriteInt64(index);
                }

                break;
            default:
                Span<byte> voter = stackalloc byte[VoterPseudonym.Size];
                Voter.Write(voter);
                writer.WriteBytes(voter);
                writer.WriteUInt16(Round);
                break;
        }

        return writer.TryFinish(out written);
    }

    internal static QuarantineEntry? Read(ReadOnlySpan<byte> entry, out EntryError error)
    {
        if (!EntryReader.TryOpen(entry, EntryKind.Quarantine, out var reader, out error))
        {
            return null;
        }

        var target = (QuarantineTarget)reader.ReadByte();
        var reason = (QuarantineReason)reader.ReadByte();
        var note = reader.ReadText();
        if (!reader.Failed && (!Enum.IsDefined(target) || !Enum.IsDefined(reason)))
        {
            reader.Fail(EntryError.InvalidField);
        }

        QuarantineEntry? result = null;
        if (!reader.Failed)
        {
            result = target switch
            {
                QuarantineTarget.EntryRange => ReadRange(ref reader, reason, note),
                QuarantineTarget.EntryList => ReadList(ref reader, reason, note),
                _ => ReadVoter(ref reader, reason, note),
            };
        }

        return reader.TryFinish(out error) ? result : null;
    }

    private static QuarantineEntry ReadRange(ref EntryReader reader, QuarantineReason reason, string note)
    {
        var from = reader.ReadInt64();
        var to = reader.ReadInt64();
        if (from < 0 || to < from)
        {
            reader.Fail(EntryError.InvalidField);
        }

        return ForRange(from, to, reason, note);
    }

    private static QuarantineEntry ReadList(ref EntryReader reader, QuarantineReason reason, string note)
    {
        int count = reader.ReadUInt16();
        if (count > MaxListedEntries)
        {
            reader.Fail(EntryError.InvalidField);
            return ForEntries([], reason, note);
        }

        var entries = new long[count];
        for (var i = 0; i < count && !reader.Failed; i++)
        {
            entries[i] = reader.ReadInt64();
            if (entries[i] < 0)
            {
                reader.Fail(EntryError.InvalidField);
            }
        }

        return ForEntries(entries, reason, note);
    }

    private static QuarantineEntry ReadVoter(ref EntryReader reader, QuarantineReason reason, string note)
    {
        var bytes = reader.ReadBytes(VoterPseudonym.Size);
        var voter = reader.Failed ? default : VoterPseudonym.Read(bytes);
        return ForVoter(voter, reader.ReadUInt16(), reason, note);
    }
}
