using KPops.Format.Ranking;
using KPops.Voting.Entries;
using KPops.Voting.Recount;
using static KPops.Voting.Tests.TestBallots;

namespace KPops.Voting.Tests.Recount;

public sealed class RecountTests
{
    [Fact]
    public void Recount_reproduces_a_published_announcement()
    {
        using var log = VotedFirstRound();
        Publish(log, "a1");

        var report = Recounter.Recount(log.History);

        Assert.True(report.AllMatch, string.Join("\n", report.Announcements.SelectMany(a => a.Differences)));
        var check = Assert.Single(report.Announcements);
        Assert.Equal("a1", check.Announcement);
        Assert.Equal(log.State.Tallies.BallotsCounted, report.Tallies!.BallotsCounted);
    }

    [Fact]
    public void Recount_flags_a_tampered_score()
    {
        using var log = VotedFirstRound();
        var honest = RankingEngine.Rank(log.Season.Season, "a1", log.State.Tallies, log.State.Published);
        var entry = PublishedRankings.ToEntry(log.Season, honest);
        var rows = entry.Ranking.ToArray();
        rows[0] = rows[0] with { Score = rows[0].Score + 7_494 };
        log.Append(entry with { Ranking = rows });

        var report = Recounter.Recount(log.History);

        Assert.False(report.AllMatch);
        var difference = Assert.Single(Assert.Single(report.Announcements).Differences);
        Assert.StartsWith("row 1:", difference);
    }

    [Fact]
    public void Recount_flags_a_cut_line_swap()
    {
        using var log = VotedFirstRound();
        var honest = RankingEngine.Rank(log.Season.Season, "a1", log.State.Tallies, log.State.Published);
        var entry = PublishedRankings.ToEntry(log.Season, honest);
        var rows = entry.Ranking.ToArray();
        // Swap who is 4th (survives) and 5th (eliminated), keeping the published scores in place.
        (rows[3], rows[4]) = (rows[4] with { Rank = rows[3].Rank, Score = rows[3].Score, Status = rows[3].Status },
                              rows[3] with { Rank = rows[4].Rank, Score = rows[4].Score, Status = rows[4].Status });
        log.Append(entry with { Ranking = rows });

        var report = Recounter.Recount(log.History);

        Assert.Equal(2, Assert.Single(report.Announcements).Differences.Count);
    }

    [Fact]
    public void Recount_ranks_with_the_counts_at_the_announcement_not_at_the_end_of_the_log()
    {
        using var log = VotedFirstRound(close: false);
        Publish(log, "a1");
        var t06AtAnnouncement = log.State.Tallies.Votes("r1", "t06");
        var lastDay = log.Season.Round(0).Round.ClosesAt.AddHours(-1);
        for (var i = 0; i < 50; i++)
        {
            log.Submit(Make(log.Season, "r1", "late-" + i, lastDay, ["t01", "t06"]));
        }

        var report = Recounter.Recount(log.History);

        Assert.True(report.AllMatch, string.Join("\n", report.Announcements.SelectMany(a => a.Differences)));
        Assert.Equal(t06AtAnnouncement + 50, report.Tallies!.Votes("r1", "t06"));
    }

    [Fact]
    public void Recount_checks_a_later_announcement_ranked_from_the_survivors_of_an_earlier_one()
    {
        using var log = VotedFirstRound();
        Publish(log, "a1");
        var at = log.Season.Round(1).Round.OpensAt.AddHours(1);
        var survivors = log.State.Published["a1"].Survivors.ToArray();
        for (var i = 0; i < 40; i++)
        {
            log.Submit(Make(log.Season, "r2", "fan-" + i, at, [survivors[i % survivors.Length]], channel: i % 4 == 0 ? "sms" : "web"));
        }

        log.Append(new RoundClosed(1, log.Season.Round(1).ClosesAtMs));
        Publish(log, "a2");

        var report = Recounter.Recount(log.History);

        Assert.True(report.AllMatch, string.Join("\n", report.Announcements.SelectMany(a => a.Differences)));
        Assert.Equal(["a1", "a2"], report.Announcements.Select(a => a.Announcement));
        Assert.Equal(survivors.Length, report.Announcements[1].Published.Ranking.Count);
    }

    [Fact]
    public void Quarantined_ballots_are_excluded_live_and_in_the_recount()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);
        var at = TestSeasons.R1Opens.AddHours(1);
        var bot1 = log.History.Count;
        log.Submit(Make(season, "r1", "bot-1", at, ["t03"]));
        var bot2 = log.History.Count;
        log.Submit(Make(season, "r1", "bot-2", at, ["t03"]));
        log.Submit(Make(season, "r1", "fan", at, ["t03", "t04"]));
        log.Submit(Make(season, "r1", "farm", at, ["t03"]));
        log.Submit(Make(season, "r1", "farm", at.AddDays(1), ["t03", "t05"]));

        log.Append(QuarantineEntry.ForEntries([bot1, bot2], QuarantineReason.MultipleAccounts, "same device"));
        log.Append(QuarantineEntry.ForRange(bot1, bot2 + 1, QuarantineReason.MultipleAccounts, "overlaps the list"));
        log.Append(QuarantineEntry.ForVoter(Voter("farm"), 0, QuarantineReason.Automation, "click farm"));

        Assert.Equal(1, log.State.Tallies.Votes("r1", "t03"));
        Assert.Equal(0, log.State.Tallies.Votes("r1", "t05"));
        Assert.Equal(1, log.State.Tallies.Votes("r1", "t04"));
        Assert.Equal(1, log.State.Tallies.BallotsCounted);

        var report = Recounter.Recount(log.History);
        Assert.Equal(1, report.Tallies!.Votes("r1", "t03"));
        Assert.Equal(1, report.Tallies.BallotsCounted);
        Assert.Equal(0, report.FindingCount);
    }

    [Fact]
    public void Log_without_a_season_definition_cannot_be_recounted()
    {
        var history = new MemoryEntryHistory();
        history.Append(new RoundOpened(0, 0).ToBytes());

        var report = Recounter.Recount(history);

        Assert.Null(report.Season);
        Assert.False(report.AllMatch);
        Assert.Equal("no-season", Assert.Single(report.Findings).Code);
    }

    private static TestLog VotedFirstRound(bool close = true)
    {
        var season = TestSeasons.Planet();
        var log = new TestLog(season);
        var random = new Random(99);
        var at = TestSeasons.R1Opens.AddHours(1);
        string[][] ballots = [["t01"], ["t02", "t04"], ["t01", "t05", "t06"], ["t03", "t04"], ["t02", "t06"]];
        for (var i = 0; i < 400; i++)
        {
            // The first three days only, so that tests can add ballots on the last day.
            log.Submit(Make(season, "r1", "v" + random.Next(150), at.AddMinutes(random.Next(3 * 24 * 60)), ballots[random.Next(ballots.Length)]));
        }

        log.Append(new EvaluationResultRecorded(0, 5, "groupWin", 3000));
        log.Append(new GradeEntered(1, 2, 'A'));
        if (close)
        {
            log.Append(new RoundClosed(0, season.Round(0).ClosesAtMs));
        }

        return log;
    }

    private static void Publish(TestLog log, string announcement)
    {
        var result = RankingEngine.Rank(log.Season.Season, announcement, log.State.Tallies, log.State.Published);
        log.Append(PublishedRankings.ToEntry(log.Season, result));
    }
}
