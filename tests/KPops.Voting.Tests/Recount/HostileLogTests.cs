using KPops.Voting.Entries;
using KPops.Voting.Recount;
using static KPops.Voting.Tests.TestBallots;

namespace KPops.Voting.Tests.Recount;

public sealed class HostileLogTests
{
    [Fact]
    public void Recount_of_a_log_full_of_corrupted_entries_reports_them_and_does_not_throw()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);
        var at = TestSeasons.R1Opens.AddHours(1);
        byte[][] valid =
        [
            Encode(Make(season, "r1", "fan", at, ["t01", "t04"])),
            new RoundExtended(0, 0, season.Round(0).ClosesAtMs + 1, "why").ToBytes(),
            new EvaluationResultRecorded(0, 1, "groupWin", 3000, 1).ToBytes(),
            new GradeEntered(1, 2, 'B').ToBytes(),
            QuarantineEntry.ForRange(0, long.MaxValue, QuarantineReason.Other, "all").ToBytes(),
            new AnnouncementPublished(0, [new PublishedRank(1, 1, 2m, Format.Ranking.SeatStatus.Survived)]).ToBytes(),
            new RoundClosed(1, 0).ToBytes(),
        ];
        var random = new Random(404);
        for (var i = 0; i < 3_000; i++)
        {
            var entry = (byte[])valid[random.Next(valid.Length)].Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                entry[random.Next(2, entry.Length)] ^= (byte)(1 << random.Next(8));
            }

            log.AppendUnchecked(entry);
        }

        var report = Recounter.Recount(log.History);

        Assert.NotNull(report.Season);
        Assert.Equal(log.History.Count, report.EntriesRead);
        Assert.True(report.FindingCount > 0);
    }

    [Fact]
    public void Second_season_definition_is_reported_and_ignored()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);
        var again = log.AppendUnchecked(SeasonDefinition.ToChunks(TestSeasons.Load(TestSeasons.EurovisionJson))[0].ToBytes());

        var report = Recounter.Recount(log.History);

        Assert.Equal("test-planet", report.Season!.Id);
        var finding = Assert.Single(report.Findings);
        Assert.Equal((again, "entry-rejected"), (finding.EntryIndex, finding.Code));
    }

    [Fact]
    public void Ballot_repeated_verbatim_in_the_log_counts_once()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);
        var ballot = Make(season, "r1", "fan", TestSeasons.R1Opens.AddHours(1), ["t01"]);
        var first = log.History.Count;
        log.Submit(ballot);
        var copy = log.AppendUnchecked(Encode(ballot));

        var report = Recounter.Recount(log.History);

        Assert.Equal(1, report.Tallies!.Votes("r1", "t01"));
        var finding = Assert.Single(report.Findings);
        Assert.Equal((copy, "duplicate-ballot"), (finding.EntryIndex, finding.Code));
        Assert.Contains(first.ToString(System.Globalization.CultureInfo.InvariantCulture), finding.Message);
    }
}
