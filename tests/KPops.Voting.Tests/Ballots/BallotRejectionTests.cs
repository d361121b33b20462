using KPops.Format.Ranking;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;
using static KPops.Voting.Tests.TestBallots;

namespace KPops.Voting.Tests.Ballots;

public sealed class BallotRejectionTests
{
    private static readonly DateTimeOffset During = TestSeasons.R1Opens.AddHours(1);

    private static BallotCheck CheckOne(Ballot ballot, CompiledSeason? season = null)
    {
        using var log = new TestLog(season ?? TestSeasons.Planet());
        return log.Submit(ballot);
    }

    [Fact]
    public void Valid_ballot_is_accepted_and_counted()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);

        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "r1", "fan", During, ["t01", "t04"])));
        Assert.Equal(1, log.State.Tallies.Votes("r1", "t01"));
        Assert.Equal(1, log.State.Tallies.Votes("r1", "t04"));
        Assert.Equal(0, log.State.Tallies.Votes("r1", "t02"));
    }

    [Fact]
    public void Ballot_for_an_unknown_round_is_rejected()
    {
        var season = TestSeasons.Planet();
        var ballot = Make(season, "r1", "fan", During, ["t01"]) with { Round = 7 };
        Assert.Equal(BallotCheck.UnknownRound, CheckOne(ballot, season));
    }

    [Fact]
    public void Ballot_before_the_round_opens_is_rejected()
    {
        var season = TestSeasons.Planet();
        Assert.Equal(BallotCheck.RoundNotOpen, CheckOne(Make(season, "r1", "fan", TestSeasons.R1Opens.AddMilliseconds(-1), ["t01"]), season));
    }

    [Fact]
    public void Ballot_at_the_closing_instant_is_rejected()
    {
        var season = TestSeasons.Planet();
        var closes = season.Round(0).Round.ClosesAt;
        Assert.Equal(BallotCheck.RoundClosed, CheckOne(Make(season, "r1", "fan", closes, ["t01"]), season));
        Assert.Equal(BallotCheck.Accepted, CheckOne(Make(season, "r1", "fan", closes.AddMilliseconds(-1), ["t01"]), season));
    }

    [Fact]
    public void Ballot_after_an_early_close_is_rejected_and_the_round_cannot_be_extended()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);
        log.Append(new RoundClosed(0, During.ToUnixTimeMilliseconds()));

        Assert.Equal(BallotCheck.RoundClosed, log.Submit(Make(season, "r1", "fan", During.AddMinutes(1), ["t01"])));
        Assert.NotNull(log.State.Validate(new RoundExtended(0, During.ToUnixTimeMilliseconds(), During.AddDays(9).ToUnixTimeMilliseconds(), "late"), log.History.Count));
    }

    [Fact]
    public void Extended_round_accepts_ballots_until_its_new_close()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);
        var closes = season.Round(0).Round.ClosesAt;
        log.Append(new RoundExtended(0, During.ToUnixTimeMilliseconds(), closes.AddHours(1).ToUnixTimeMilliseconds(), "server outage"));

        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "r1", "fan", closes.AddMinutes(30), ["t01"])));
        Assert.Equal(BallotCheck.RoundClosed, log.Submit(Make(season, "r1", "other", closes.AddHours(1), ["t01"])));
    }

    [Fact]
    public void Round_opened_early_by_the_producers_accepts_ballots_from_then()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);
        log.Append(new RoundOpened(0, TestSeasons.R1Opens.AddHours(-2).ToUnixTimeMilliseconds()));

        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "r1", "fan", TestSeasons.R1Opens.AddHours(-1), ["t01"])));
    }

    [Fact]
    public void Ballot_naming_an_unknown_trainee_is_rejected()
    {
        var season = TestSeasons.Planet();
        Assert.Equal(BallotCheck.UnknownTrainee, CheckOne(Make(season, "r1", "fan", During, ["t01", "nobody"]), season));
    }

    [Fact]
    public void Ballot_with_too_few_picks_is_rejected()
    {
        var season = TestSeasons.Planet();
        Assert.Equal(BallotCheck.TooFewPicks, CheckOne(Make(season, "r1", "fan", During, []), season));
    }

    [Fact]
    public void Ballot_with_too_many_picks_is_rejected()
    {
        var season = TestSeasons.Planet();
        Assert.Equal(BallotCheck.TooManyPicks, CheckOne(Make(season, "r1", "fan", During, ["t01", "t04", "t05", "t06"]), season));
    }

    [Fact]
    public void Ballot_naming_a_trainee_twice_is_rejected()
    {
        var season = TestSeasons.Planet();
        Assert.Equal(BallotCheck.DuplicatePick, CheckOne(Make(season, "r1", "fan", During, ["t01", "t04", "t01"]), season));
    }

    [Fact]
    public void Ballot_without_the_required_group_pick_is_rejected()
    {
        var season = TestSeasons.Planet();
        Assert.Equal(BallotCheck.GroupMin, CheckOne(Make(season, "r1", "fan", During, ["t04", "t05"]), season));
    }

    [Fact]
    public void Ballot_over_a_group_maximum_is_rejected()
    {
        var season = TestSeasons.Planet();
        Assert.Equal(BallotCheck.GroupMax, CheckOne(Make(season, "r1", "fan", During, ["t01", "t02", "t03"]), season));
    }

    [Fact]
    public void Ballot_through_an_unknown_channel_is_rejected()
    {
        var season = TestSeasons.Planet();
        var ballot = Make(season, "r1", "fan", During, ["t01"]) with { Channel = 1 };
        Assert.Equal(BallotCheck.UnknownChannel, CheckOne(ballot, season));
    }

    [Fact]
    public void Ballot_from_an_unknown_segment_is_rejected()
    {
        var season = TestSeasons.Planet();
        var ballot = Make(season, "r1", "fan", During, ["t01"]) with { Segment = 2 };
        Assert.Equal(BallotCheck.UnknownSegment, CheckOne(ballot, season));
    }

    [Fact]
    public void Ballot_whose_period_does_not_match_its_server_time_is_rejected()
    {
        var season = TestSeasons.Planet();
        var ballot = Make(season, "r1", "fan", During, ["t01"]);
        Assert.Equal(BallotCheck.WrongPeriod, CheckOne(ballot with { Period = ballot.Period + 1 }, season));
    }

    [Fact]
    public void Eurovision_country_cannot_vote_for_its_own_entry()
    {
        var season = TestSeasons.Eurovision();
        using var log = new TestLog(season);
        var at = season.Round(0).Round.OpensAt.AddMinutes(5);

        Assert.Equal(BallotCheck.OwnSegment, log.Submit(Make(season, "final", "sven", at, ["se-entry"], segment: "se")));
        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "final", "sven", at, ["no-entry"], segment: "se")));
        Assert.Equal(1, log.State.Tallies.Votes("final", "no-entry", segment: "se"));
        Assert.Equal(0, log.State.Tallies.Votes("final", "no-entry", segment: "fi"));
    }

    [Fact]
    public void Round_drawing_on_an_unpublished_announcement_has_nobody_eligible()
    {
        var season = TestSeasons.Planet();
        var r2 = season.Round(1).Round.OpensAt.AddHours(1);
        Assert.Equal(BallotCheck.NotEligible, CheckOne(Make(season, "r2", "fan", r2, ["t01"]), season));
    }

    [Fact]
    public void Eliminated_trainee_is_not_eligible_in_the_next_round()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);
        log.Append(new AnnouncementPublished(0,
        [
            new PublishedRank(0, 1, 10m, SeatStatus.Survived),
            new PublishedRank(3, 2, 9m, SeatStatus.Survived),
            new PublishedRank(1, 3, 8m, SeatStatus.Survived),
            new PublishedRank(4, 4, 7m, SeatStatus.Survived),
            new PublishedRank(2, 5, 6m, SeatStatus.Eliminated),
            new PublishedRank(5, 6, 5m, SeatStatus.Eliminated),
        ]));
        var r2 = season.Round(1).Round.OpensAt.AddHours(1);

        Assert.Equal(BallotCheck.NotEligible, log.Submit(Make(season, "r2", "fan", r2, ["t06"])));
        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "r2", "fan", r2, ["t01"])));
        Assert.True(log.State.IsEligible(1, 4));
        Assert.False(log.State.IsEligible(1, 2));
    }

    [Fact]
    public void Second_ballot_in_the_same_day_is_rejected_as_quota_exhausted()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);

        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "r1", "fan", During, ["t01"], nonce: 1)));
        Assert.Equal(BallotCheck.QuotaExhausted, log.Submit(Make(season, "r1", "fan", During.AddHours(1), ["t02"], nonce: 2)));
        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "r1", "someone-else", During.AddHours(1), ["t02"], nonce: 2)));
    }

    [Fact]
    public void Quarantined_voter_cannot_vote_again()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);
        log.Append(QuarantineEntry.ForVoter(Voter("bot"), EntryFormat.NoIndex, QuarantineReason.Automation, "farm"));

        Assert.Equal(BallotCheck.VoterQuarantined, log.Submit(Make(season, "r1", "bot", During, ["t01"])));
        Assert.Equal(BallotCheck.Accepted, log.Submit(Make(season, "r1", "fan", During, ["t01"])));
    }
}
