using KPops.Format.Ranking;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;
using static KPops.Voting.Tests.TestBallots;

namespace KPops.Voting.Tests.Ballots;

public sealed class QuotaTests
{
    // Midnight in Seoul (UTC+9) is 15:00 UTC.
    private static readonly DateTimeOffset SeoulMidnight = DateTimeOffset.Parse("2026-03-02T15:00:00Z");

    [Fact]
    public void Daily_quota_resets_at_midnight_in_Seoul_not_in_UTC()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);

        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "r1", "fan", SeoulMidnight.AddHours(-9), ["t01"], nonce: 1)));
        Assert.Equal(BallotCheck.QuotaExhausted, log.Submit(Make(season, "r1", "fan", SeoulMidnight.AddMilliseconds(-1), ["t01"], nonce: 2)));
        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "r1", "fan", SeoulMidnight, ["t01"], nonce: 3)));
        // UTC midnight is 09:00 in Seoul: still the same voting day.
        Assert.Equal(BallotCheck.QuotaExhausted, log.Submit(Make(season, "r1", "fan", DateTimeOffset.Parse("2026-03-03T00:00:00Z"), ["t01"], nonce: 4)));
        Assert.Equal(2, log.State.Tallies.Votes("r1", "t01"));
    }

    [Fact]
    public void Resubmitted_ballot_returns_the_original_entry_index()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);
        var first = Make(season, "r1", "fan", SeoulMidnight.AddHours(1), ["t01"], nonce: 42);
        var firstIndex = log.History.Count;

        Assert.Equal(BallotCheck.Accepted, log.Submit(first));
        Assert.Equal(BallotCheck.DuplicateBallot, log.Submit(Make(season, "r1", "fan", SeoulMidnight.AddHours(2), ["t01"], nonce: 42), out var original));
        Assert.Equal(firstIndex, original);
        Assert.Equal(1, log.State.Tallies.Votes("r1", "t01"));
    }

    [Fact]
    public void Resubmission_is_idempotent_when_a_period_allows_several_ballots()
    {
        var season = TestSeasons.Planet();
        using var log = PublishFirstRanking(season);
        var at = season.Round(1).Round.OpensAt.AddHours(1);

        var index1 = log.History.Count;
        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "r2", "fan", at, ["t01"], nonce: 1, channel: "sms")));
        var index2 = log.History.Count;
        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "r2", "fan", at, ["t02"], nonce: 2, channel: "sms")));
        Assert.Equal(BallotCheck.DuplicateBallot, log.Submit(Make(season, "r2", "fan", at, ["t01"], nonce: 1, channel: "sms"), out var original1));
        Assert.Equal(BallotCheck.DuplicateBallot, log.Submit(Make(season, "r2", "fan", at, ["t02"], nonce: 2, channel: "sms"), out var original2));
        Assert.Equal(BallotCheck.QuotaExhausted, log.Submit(Make(season, "r2", "fan", at, ["t01"], nonce: 3, channel: "sms")));

        Assert.Equal(index1, original1);
        Assert.Equal(index2, original2);
    }

    [Fact]
    public void Channel_quotas_are_separate_and_weighted_by_votes_per_pick()
    {
        var season = TestSeasons.Planet();
        using var log = PublishFirstRanking(season);
        var at = season.Round(1).Round.OpensAt.AddHours(1);

        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "r2", "fan", at, ["t01"], nonce: 1, channel: "web")));
        Assert.Equal(BallotCheck.QuotaExhausted, log.Submit(Make(season, "r2", "fan", at, ["t01"], nonce: 2, channel: "web")));
        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "r2", "fan", at, ["t01"], nonce: 3, channel: "sms")));

        Assert.Equal(1, log.State.Tallies.Votes("r2", "t01", channel: "web"));
        Assert.Equal(7, log.State.Tallies.Votes("r2", "t01", channel: "sms"));
        Assert.Equal(8, log.State.Tallies.Votes("r2", "t01"));
    }

    [Fact]
    public void American_Idol_caps_votes_at_ten_per_contestant_per_channel()
    {
        var season = TestSeasons.AmericanIdol();
        using var log = new TestLog(season);
        var at = season.Round(0).Round.OpensAt.AddMinutes(10);
        string[] sixForC01 = ["c01", "c01", "c01", "c01", "c01", "c01"];
        string[] fourForC01 = ["c01", "c01", "c01", "c01"];

        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "top-10", "fan", at, sixForC01, nonce: 1, channel: "web")));
        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "top-10", "fan", at, fourForC01, nonce: 2, channel: "web")));
        Assert.Equal(BallotCheck.TraineeCap, log.Submit(Make(season, "top-10", "fan", at, ["c01"], nonce: 3, channel: "web")));
        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "top-10", "fan", at, ["c02"], nonce: 4, channel: "web")));
        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "top-10", "fan", at, ["c01"], nonce: 5, channel: "app")));

        Assert.Equal(10, log.State.Tallies.Votes("top-10", "c01", channel: "web"));
        Assert.Equal(11, log.State.Tallies.Votes("top-10", "c01"));
    }

    [Fact]
    public void A_single_ballot_over_the_cap_is_rejected_whole()
    {
        var season = TestSeasons.AmericanIdol();
        using var log = new TestLog(season);
        var at = season.Round(0).Round.OpensAt.AddMinutes(10);

        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "top-10", "fan", at, ["c03", "c03", "c03"], nonce: 1)));
        Assert.Equal(BallotCheck.TraineeCap, log.Submit(Make(season, "top-10", "fan", at, ["c02", "c03", "c03", "c03", "c03", "c03", "c03", "c03", "c03"], nonce: 2)));
        Assert.Equal(0, log.State.Tallies.Votes("top-10", "c02"));
    }

    [Fact]
    public void Quota_state_stays_within_32_bytes_per_ballot_for_daily_rules()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);
        const int Voters = 50_000;
        for (var i = 0; i < Voters; i++)
        {
            var ballot = Make(season, "r1", "v" + i, SeoulMidnight.AddHours(1), ["t01"]);
            Assert.Equal(BallotCheck.Accepted, log.State.TryAccept(ballot, i, out _));
        }

        Assert.InRange(log.State.QuotaResidentBytes - (2 * 64 * 16), 0, Voters * 32L);
    }

    private static TestLog PublishFirstRanking(CompiledSeason season)
    {
        var log = new TestLog(season);
        log.Append(new AnnouncementPublished(0,
        [
            new PublishedRank(0, 1, 4m, SeatStatus.Survived),
            new PublishedRank(1, 2, 3m, SeatStatus.Survived),
            new PublishedRank(2, 3, 2m, SeatStatus.Survived),
            new PublishedRank(3, 4, 1m, SeatStatus.Survived),
            new PublishedRank(4, 5, 0m, SeatStatus.Eliminated),
            new PublishedRank(5, 6, 0m, SeatStatus.Eliminated),
        ]));
        return log;
    }
}
