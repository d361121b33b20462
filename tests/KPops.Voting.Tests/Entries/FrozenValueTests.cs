using KPops.Format.Ranking;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Voting.Tests.Entries;

/// <summary>
/// Values that are written into the public log or published as API codes. If one of these tests fails, an
/// old log would be read differently or a client would see a different code: add a new value instead.
/// </summary>
public sealed class FrozenValueTests
{
    [Fact]
    public void Entry_format_version_is_frozen() => Assert.Equal(1, EntryFormat.Version);

    [Fact]
    public void Entry_kind_values_are_frozen()
    {
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["SeasonDefined"] = 1,
                ["RoundOpened"] = 2,
                ["RoundClosed"] = 3,
                ["RoundExtended"] = 4,
                ["Ballot"] = 5,
                ["EvaluationResultRecorded"] = 6,
                ["GradeEntered"] = 7,
                ["Quarantine"] = 8,
                ["AnnouncementPublished"] = 9,
            },
            Enum.GetValues<EntryKind>().ToDictionary(k => k.ToString(), k => (int)k));
    }

    [Fact]
    public void Quarantine_target_and_reason_values_are_frozen()
    {
        Assert.Equal(
            ["EntryRange=1", "EntryList=2", "Voter=3"],
            Enum.GetValues<QuarantineTarget>().Select(v => $"{v}={(int)v}"));
        Assert.Equal(
            ["Other=0", "MultipleAccounts=1", "Automation=2", "PartnerBatch=3", "VoteBuying=4"],
            Enum.GetValues<QuarantineReason>().Select(v => $"{v}={(int)v}"));
    }

    [Fact]
    public void Season_compression_and_seat_status_codes_are_frozen()
    {
        Assert.Equal(1, (int)SeasonCompression.Brotli);
        Assert.Equal(1, SeatStatusCodes.ToByte(SeatStatus.Survived));
        Assert.Equal(2, SeatStatusCodes.ToByte(SeatStatus.Eliminated));
        Assert.Equal(3, SeatStatusCodes.ToByte(SeatStatus.SpecialSeat));
    }

    [Fact]
    public void Ballot_check_values_and_codes_are_frozen()
    {
        string[] expected =
        [
            "0 accepted", "1 unknown-round", "2 round-not-open", "3 round-closed", "4 unknown-trainee",
            "5 not-eligible", "6 too-few-picks", "7 too-many-picks", "8 duplicate-pick", "9 group-min",
            "10 group-max", "11 own-segment", "12 unknown-channel", "13 unknown-segment", "14 quota-exhausted",
            "15 trainee-cap", "16 duplicate-ballot", "17 rate-limited", "18 wrong-period", "19 voter-quarantined",
            "20 no-season",
        ];

        Assert.Equal(expected, Enum.GetValues<BallotCheck>().Select(c => $"{(int)c} {c.ToCode()}"));
        Assert.Equal(Enum.GetValues<BallotCheck>(), BallotCheckCodes.All);
    }

    [Fact]
    public void Ballot_check_codes_parse_back()
    {
        foreach (var check in BallotCheckCodes.All)
        {
            Assert.True(BallotCheckCodes.TryParse(check.ToCode(), out var parsed));
            Assert.Equal(check, parsed);
        }

        Assert.False(BallotCheckCodes.TryParse("no-such-code", out _));
    }
}
