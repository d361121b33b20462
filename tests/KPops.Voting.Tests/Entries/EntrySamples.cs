using KPops.Format.Ranking;
using KPops.Voting.Entries;

namespace KPops.Voting.Tests.Entries;

/// <summary>One valid entry of every kind, for round-trip and hostile-byte tests.</summary>
internal static class EntrySamples
{
    public static Ballot Ballot { get; } = new([3, 1, 65534])
    {
        Round = 2,
        Voter = new VoterPseudonym(0x0123456789ABCDEF, 0xFEDCBA9876543210),
        Period = 20_513,
        Nonce = 0xDEADBEEF,
        Channel = 1,
        Segment = 4,
        ServerTimeMs = 1_772_330_400_123,
    };

    public static IReadOnlyList<LogEntry> All { get; } =
    [
        SeasonDefinition.ToChunks(TestSeasons.Load(TestSeasons.PlanetJson))[0],
        new RoundOpened(1, 1_772_330_400_000),
        new RoundClosed(1, 1_772_676_000_000),
        new RoundExtended(1, 1_772_670_000_000, 1_772_679_600_000, "서버 점검 — server maintenance"),
        new BallotEntry(Ballot),
        new EvaluationResultRecorded(0, 5, "groupWin", 3000),
        new EvaluationResultRecorded(2, 7, "jury", 12, Segment: 3),
        new GradeEntered(1, 4, 'A'),
        QuarantineEntry.ForRange(100, 250, QuarantineReason.MultipleAccounts, "one device, 150 accounts"),
        QuarantineEntry.ForEntries([5, 9, 1_000_000_000_000], QuarantineReason.PartnerBatch, "batch 17"),
        QuarantineEntry.ForVoter(new VoterPseudonym(1, 2), 3, QuarantineReason.Automation, ""),
        new AnnouncementPublished(2,
        [
            new PublishedRank(4, 1, 33.333333333333333333333333333m, SeatStatus.Survived),
            new PublishedRank(0, 2, 1_234_567m, SeatStatus.Survived),
            new PublishedRank(9, 3, 0.5m, SeatStatus.SpecialSeat, "X"),
            new PublishedRank(2, 4, -0m, SeatStatus.Eliminated),
        ]),
    ];
}
