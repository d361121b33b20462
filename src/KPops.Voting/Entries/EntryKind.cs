namespace KPops.Voting.Entries;

/// <summary>
/// The second byte of every log entry. The numeric values are persisted in the public log and frozen by
/// <c>EntryKindValuesAreFrozen</c>: never renumber, only append.
/// </summary>
public enum EntryKind : byte
{
    SeasonDefined = 1,
    RoundOpened = 2,
    RoundClosed = 3,
    RoundExtended = 4,
    Ballot = 5,
    EvaluationResultRecorded = 6,
    GradeEntered = 7,
    Quarantine = 8,
    AnnouncementPublished = 9,
}
