using KPops.Format.Model;
using Xunit;
using static KPops.Format.Tests.TestSeason;

namespace KPops.Format.Tests.Validation;

public sealed class EligibilityRulesTests
{
    [Fact]
    public void Eligible_trainees_must_exist() =>
        ValidationAssert.Errors(WithRound(r => r with { Eligible = new Eligibility { Trainees = ["a", "b", "zz"] } }),
            "rounds[0].eligible.trainees[2]: unknown trainee \"zz\"");

    [Fact]
    public void Added_and_removed_trainees_must_exist() =>
        ValidationAssert.Errors(WithRound(r => r with { Eligible = new Eligibility { Add = ["x"], Remove = ["y"] } }),
            "rounds[0].eligible.add[0]: unknown trainee \"x\"",
            "rounds[0].eligible.remove[0]: unknown trainee \"y\"");

    [Fact]
    public void A_trainee_is_listed_once() =>
        ValidationAssert.Errors(WithRound(r => r with { Eligible = new Eligibility { Trainees = ["a", "b", "a"] } }),
            "rounds[0].eligible.trainees[2]: trainee \"a\" is listed twice");

    [Fact]
    public void Explicit_list_and_survivors_cannot_be_combined()
    {
        var season = Valid();
        season = season with
        {
            Rounds = [season.Rounds[0], Round("r2", eligible: new Eligibility { SurvivorsOf = "ep1", Trainees = ["a"] }, week: 1)],
        };

        ValidationAssert.Errors(season, "rounds[1].eligible.survivorsOf: cannot be combined with trainees, which replaces it; keep one");
    }

    [Fact]
    public void Round_survivors_must_come_from_a_known_announcement() =>
        ValidationAssert.Errors(WithRound(r => r with { Eligible = new Eligibility { SurvivorsOf = "ep0" } }),
            "rounds[0].eligible.survivorsOf: unknown announcement \"ep0\"");

    [Fact]
    public void Round_cannot_take_survivors_of_the_announcement_that_counts_it() =>
        ValidationAssert.Errors(WithRound(r => r with { Eligible = new Eligibility { SurvivorsOf = "ep1" } }),
            "rounds[0].eligible.survivorsOf: announcement \"ep1\" counts this round, so it cannot decide who is eligible in it");

    [Fact]
    public void Round_cannot_open_before_the_announcement_that_decides_its_eligibility_airs()
    {
        var season = Valid();
        season = season with
        {
            Announcements = [season.Announcements[0] with { At = Start.AddDays(8) }],
            Rounds = [season.Rounds[0], Round("r2", eligible: new Eligibility { SurvivorsOf = "ep1" }, week: 1)],
        };

        ValidationAssert.Errors(season, "rounds[1].eligible.survivorsOf: announcement \"ep1\" airs after this round opens");
    }

    [Fact]
    public void Announcement_pool_must_follow_an_earlier_announcement()
    {
        var season = Valid();
        var ep2 = Announcement("ep2", Votes("online", "r1"));
        season = season with { Announcements = [season.Announcements[0] with { Pool = new Eligibility { SurvivorsOf = "ep2" } }, ep2] };

        ValidationAssert.Errors(season,
            "announcements[0].pool.survivorsOf: must name an earlier announcement; \"ep2\" is not before this one");
    }

    [Fact]
    public void Announcement_cannot_follow_itself() =>
        ValidationAssert.Errors(WithAnnouncement(a => a with { Pool = new Eligibility { SurvivorsOf = "ep1" } }),
            "announcements[0].pool.survivorsOf: must name an earlier announcement; \"ep1\" is not before this one");

    [Fact]
    public void A_round_where_nobody_is_eligible_is_rejected() =>
        ValidationAssert.Errors(WithRound(r => r with { Eligible = new Eligibility { Trainees = ["a"], Remove = ["a"] } }),
            "rounds[0].eligible: no trainee is eligible",
            "rounds[0].ballot.maxPicks: must be ≤ the number of eligible trainees (0)");
}
