using System.Diagnostics.CodeAnalysis;

namespace KPops.Voting.Entries;

/// <summary>Decodes any entry kind from untrusted bytes; reports a reason instead of throwing.</summary>
public static class LogEntryCodec
{
    public static bool TryDecode(ReadOnlySpan<byte> entry, [NotNullWhen(true)] out LogEntry? decoded, out EntryError error)
    {
        decoded = null;
        error = EntryHeader.Check(entry, out var kind);
        if (error != EntryError.None)
        {
            return false;
        }

        decoded = kind switch
        {
            EntryKind.SeasonDefined => SeasonDefined.Read(entry, out error),
            EntryKind.RoundOpened => RoundOpened.Read(entry, out error),
            EntryKind.RoundClosed => RoundClosed.Read(entry, out error),
            EntryKind.RoundExtended => RoundExtended.Read(entry, out error),
            EntryKind.Ballot => BallotCodec.TryRead(entry, out var ballot, out error) ? new BallotEntry(ballot) : null,
            EntryKind.EvaluationResultRecorded => EvaluationResultRecorded.Read(entry, out error),
            EntryKind.GradeEntered => GradeEntered.Read(entry, out error),
            EntryKind.Quarantine => QuarantineEntry.Read(entry, out error),
            _ => AnnouncementPublished.Read(entry, out error),
        };
        return decoded is not null;
    }
}
