using KPops.Format.Model;
using Xunit;
using static KPops.Format.Tests.TestSeason;

namespace KPops.Format.Tests.Validation;

public sealed class RoundRulesTests
{
    [Fact]
    public void Round_ids_must_be_unique()
    {
        var season = Valid();
        ValidationAssert.Errors(season with { Rounds = [season.Rounds[0], Round("r1", week: 1)] },
            "rounds[1].id: duplicate id \"r1\", first used at rounds[0]");
    }

    [Fact]
    public void Round_must_close_after_it_opens() =>
        ValidationAssert.Errors(WithRound(r => r with { ClosesAt = r.OpensAt }), "rounds[0].closesAt: must be after opensAt");

    [Fact]
    public void Round_needs_a_name_in_both_languages() =>
        ValidationAssert.Errors(WithRound(r => r with { Name = new LocalizedText("", "First vote") }), "rounds[0].name.ko: must not be empty");

    [Fact]
    public void Ballot_needs_at_least_one_pick() =>
        ValidationAssert.Errors(WithBallot(b => b with { MinPicks = 0 }), "rounds[0].ballot.minPicks: must be ≥ 1");

    [Fact]
    public void Ballot_maximum_must_not_be_below_the_minimum() =>
        ValidationAssert.Errors(WithBallot(b => b with { MinPicks = 2, MaxPicks = 1 }), "rounds[0].ballot.maxPicks: must be ≥ minPicks");

    [Fact]
    public void Ballot_cannot_ask_for_more_distinct_picks_than_eligible_trainees() =>
        ValidationAssert.Errors(WithBallot(b => b with { MaxPicks = 5 }),
            "rounds[0].ballot.maxPicks: must be ≤ the number of eligible trainees (4)");

    [Fact]
    public void Ballot_may_repeat_a_trainee_beyond_the_eligible_count_when_not_distinct() =>
        ValidationAssert.Errors(WithBallot(b => b with { MaxPicks = 10, Distinct = false }));

    [Fact]
    public void Eligible_count_after_an_announcement_is_its_cut_line_and_seats_plus_additions()
    {
        // ep1 keeps 2 + 1 seat; one trainee is added back, so at most 4 can be eligible in r2.
        var season = Valid() with
        {
            Trainees = [Trainee("a"), Trainee("b"), Trainee("c"), Trainee("d"), Trainee("e")],
            Groups = [],
        };
        season = season with
        {
            Announcements = [season.Announcements[0] with
            {
                SpecialSeats = [new SpecialSeat { Label = "x", Sources = [Votes("all", "r1")] }],
            }],
            Rounds = [season.Rounds[0], Round("r2", maxPicks: 5, eligible: new Eligibility { SurvivorsOf = "ep1", Add = ["e"] }, week: 1)],
        };

        ValidationAssert.Errors(season, "rounds[1].ballot.maxPicks: must be ≤ the number of eligible trainees (4)");
    }

    [Fact]
    public void Ballots_per_period_must_be_positive() =>
        ValidationAssert.Errors(WithBallot(b => b with { BallotsPerPeriod = 0 }), "rounds[0].ballot.ballotsPerPeriod: must be ≥ 1");

    [Fact]
    public void Votes_per_trainee_cap_must_be_positive() =>
        ValidationAssert.Errors(WithBallot(b => b with { MaxVotesPerTrainee = 0 }), "rounds[0].ballot.maxVotesPerTrainee: must be ≥ 1");

    [Fact]
    public void Group_constraint_must_name_a_declared_group() =>
        ValidationAssert.Errors(WithBallot(b => b with { GroupConstraints = [new GroupConstraint { Group = "j", Min = 1 }] }),
            "rounds[0].ballot.groupConstraints[0].group: unknown group \"j\"");

    [Fact]
    public void A_group_is_constrained_once() =>
        ValidationAssert.Errors(
            WithBallot(b => b with { GroupConstraints = [new GroupConstraint { Group = "k", Min = 1 }, new GroupConstraint { Group = "k", Max = 1 }] }),
            "rounds[0].ballot.groupConstraints[1].group: group \"k\" is already constrained");

    [Fact]
    public void Group_constraint_maximum_must_not_be_below_its_minimum() =>
        ValidationAssert.Errors(WithBallot(b => b with { GroupConstraints = [new GroupConstraint { Group = "k", Min = 2, Max = 1 }] }),
            "rounds[0].ballot.groupConstraints[0].max: must be ≥ min");

    [Fact]
    public void Group_constraint_minimum_must_not_be_negative() =>
        ValidationAssert.Errors(WithBallot(b => b with { GroupConstraints = [new GroupConstraint { Group = "k", Min = -1 }] }),
            "rounds[0].ballot.groupConstraints[0].min: must be ≥ 0");

    [Fact]
    public void Group_minimums_must_fit_in_the_ballot() =>
        ValidationAssert.Errors(
            WithBallot(b => b with { GroupConstraints = [new GroupConstraint { Group = "k", Min = 2 }, new GroupConstraint { Group = "g", Min = 1 }] }),
            "rounds[0].ballot.groupConstraints: minimums add up to 3, more than maxPicks (2)");

    [Fact]
    public void Group_minimum_cannot_exceed_the_eligible_trainees_of_that_group() =>
        ValidationAssert.Errors(
            WithRound(r => r with
            {
                Eligible = new Eligibility { Remove = ["b"] },
                Ballot = r.Ballot with { GroupConstraints = [new GroupConstraint { Group = "k", Min = 2 }] },
            }),
            "rounds[0].ballot.groupConstraints[0].min: only 1 eligible trainees are in group \"k\"");

    [Fact]
    public void Group_maximums_must_leave_room_for_the_minimum_picks() =>
        ValidationAssert.Errors(
            WithBallot(b => b with { MinPicks = 2, GroupConstraints = [new GroupConstraint { Group = "k", Max = 0 }, new GroupConstraint { Group = "g", Max = 1 }] }),
            "rounds[0].ballot.groupConstraints: maximums add up to 1, fewer than minPicks (2)");

    [Fact]
    public void Channel_ids_must_be_unique_within_a_round() =>
        ValidationAssert.Errors(WithBallot(b => b with { Channels = [new Channel { Id = "sms" }, new Channel { Id = "sms" }] }),
            "rounds[0].ballot.channels[1].id: duplicate id \"sms\", first used at rounds[0].ballot.channels[0]");

    [Fact]
    public void Channel_votes_per_pick_must_be_positive() =>
        ValidationAssert.Errors(WithBallot(b => b with { Channels = [new Channel { Id = "sms", VotesPerPick = 0 }] }),
            "rounds[0].ballot.channels[0].votesPerPick: must be ≥ 1");

    [Fact]
    public void Channel_ballot_cap_must_be_positive() =>
        ValidationAssert.Errors(WithBallot(b => b with { Channels = [new Channel { Id = "app", BallotsPerPeriod = 0 }] }),
            "rounds[0].ballot.channels[0].ballotsPerPeriod: must be ≥ 1");
}
