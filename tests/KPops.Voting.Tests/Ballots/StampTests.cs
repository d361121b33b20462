using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Voting.Tests.Ballots;

public sealed class StampTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Stamped_ballot_carries_the_server_time_and_its_Seoul_day()
    {
        var season = TestSeasons.Planet();
        var now = DateTimeOffset.Parse("2026-03-02T15:30:00Z"); // 00:30 on 3 March in Seoul
        var draft = new Ballot([0, 3]) { Round = 0, ServerTimeMs = 1, Period = -5 };

        var stamped = season.Stamp(draft, new FixedClock(now));

        Assert.Equal(now.ToUnixTimeMilliseconds(), stamped.ServerTimeMs);
        Assert.Equal(new DateOnly(2026, 3, 3), PeriodCalendar.DateOf(stamped.Period));
        Assert.Equal(draft.Picks.ToArray(), stamped.Picks.ToArray());
    }

    [Fact]
    public void Window_is_judged_by_the_supplied_clock()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);
        var draft = new Ballot([0]) { Round = 0, Voter = TestBallots.Voter("fan") };

        var early = season.Stamp(draft, new FixedClock(TestSeasons.R1Opens.AddSeconds(-1)));
        var onTime = season.Stamp(draft, new FixedClock(TestSeasons.R1Opens));

        Assert.Equal(BallotCheck.RoundNotOpen, log.Submit(early));
        Assert.Equal(BallotCheck.Accepted, log.Submit(onTime));
    }
}
