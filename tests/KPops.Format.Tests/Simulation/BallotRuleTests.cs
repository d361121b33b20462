using KPops.Format.Model;
using KPops.Format.Ranking;
using KPops.Format.Simulation;
using Xunit;

namespace KPops.Format.Tests.Simulation;

/// <summary>
/// The simulator's fans obey the round's ballot rule. With a single fan every count is that one account's
/// votes, so per-account limits can be checked exactly; many seeds cover many different fans.
/// </summary>
public sealed class BallotRuleTests
{
    private static readonly int[] Seeds = [.. Enumerable.Range(1, 40)];

    [Fact]
    public void A_boys_planet_fan_picks_at_most_nine_distinct_trainees_with_one_from_each_group_per_ballot()
    {
        var season = Presets.Load("boys-planet");
        var k = season.Trainees.Where(t => t.Group == "k").Select(t => t.Id).ToList();
        var g = season.Trainees.Where(t => t.Group == "g").Select(t => t.Id).ToList();
        var voted = 0;
        foreach (var seed in Seeds)
        {
            var result = SeasonSimulator.Run(season, new SimulationOptions { Fans = 1, Seed = seed });
            var ballots = result.Rounds.Single(r => r.Round == "vote-1").Ballots;
            var kVotes = k.Sum(t => result.Counts.Votes("vote-1", t));
            var gVotes = g.Sum(t => result.Counts.Votes("vote-1", t));

            Assert.True(kVotes + gVotes <= 9 * ballots);
            Assert.True(kVotes >= ballots && gVotes >= ballots, $"seed {seed}: {ballots} ballots, {kVotes} K votes, {gVotes} G votes");
            Assert.All(season.Trainees, t => Assert.True(result.Counts.Votes("vote-1", t.Id) <= ballots));
            voted += ballots > 0 ? 1 : 0;
        }

        Assert.True(voted > Seeds.Length / 2);
    }

    [Fact]
    public void An_idol_fan_gives_no_contestant_more_than_the_cap_per_channel_and_devoted_fans_reach_it()
    {
        var season = Valid(IdolSeason());
        var highest = 0L;
        foreach (var seed in Seeds)
        {
            var result = SeasonSimulator.Run(season, new SimulationOptions { Fans = 1, Seed = seed });
            foreach (var channel in new[] { "web", "app", "sms" })
            {
                foreach (var contestant in season.Trainees)
                {
                    var votes = result.Counts.Votes("show", contestant.Id, channel: channel);
                    Assert.True(votes <= 10, $"seed {seed}: {contestant.Id} got {votes} votes on {channel}");
                    highest = Math.Max(highest, votes);
                }
            }
        }

        Assert.Equal(10, highest);
    }

    [Fact]
    public void A_channel_that_counts_several_votes_per_pick_multiplies_every_count()
    {
        var season = Valid(IdolSeason() with
        {
            Rounds = [TestSeason.Round("show", maxPicks: 2) with
            {
                Ballot = new BallotRule { MaxPicks = 2, Channels = [new Channel { Id = "sms", VotesPerPick = 7 }] },
            }],
        });

        var result = SeasonSimulator.Run(season, new SimulationOptions { Fans = 500, Seed = 2 });

        var counts = season.Trainees.Select(t => result.Counts.Votes("show", t.Id, channel: "sms")).ToList();
        Assert.Contains(counts, c => c > 0);
        Assert.All(counts, c => Assert.Equal(0, c % 7));
    }

    [Fact]
    public void A_group_maximum_is_never_exceeded()
    {
        var season = Valid(TestSeason.Valid() with
        {
            Trainees = [.. TestSeason.Valid().Trainees, TestSeason.Trainee("e", "k"), TestSeason.Trainee("f", "g")],
            Rounds = [TestSeason.Round("r1") with
            {
                Ballot = new BallotRule { MaxPicks = 3, GroupConstraints = [new GroupConstraint { Group = "k", Max = 1 }] },
            }],
        });
        var kTrainees = season.Trainees.Where(t => t.Group == "k").Select(t => t.Id).ToList();
        foreach (var seed in Seeds)
        {
            var result = SeasonSimulator.Run(season, new SimulationOptions { Fans = 1, Seed = seed });
            Assert.True(kTrainees.Sum(t => result.Counts.Votes("r1", t)) <= result.Rounds[0].Ballots);
        }
    }

    [Fact]
    public void Eurovision_televoters_and_juries_never_vote_for_their_own_country()
    {
        var season = Presets.Load("eurovision");

        var result = SeasonSimulator.Run(season, new SimulationOptions { Fans = 20_000, Seed = 9 });

        var entries = season.Trainees.Where(t => t.HomeSegment is not null).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            Assert.Equal(0, result.Counts.Votes("televote", entry.Id, entry.HomeSegment));
            Assert.True(result.Counts.Votes("televote", entry.Id) > 0);
        });
        var homes = season.Trainees.ToDictionary(t => t.Id, t => t.HomeSegment);
        var jury = result.Counts.Results.Where(r => r.Evaluation == "jury").ToList();
        Assert.DoesNotContain(jury, r => r.Segment == homes[r.Trainee]);
        Assert.All(jury.GroupBy(r => r.Segment), country =>
            Assert.Equal([12L, 10, 8, 7, 6, 5, 4, 3, 2, 1], country.Select(r => r.Value).Order().Reverse()));
        Assert.Equal(season.Segments.Count, jury.Select(r => r.Segment).Distinct().Count());
    }

    [Fact]
    public void A_producers_pick_goes_to_a_trainee_below_the_cut_who_then_takes_the_seat()
    {
        var announcement = TestSeason.Announcement("final", TestSeason.Votes("online", "r1")) with
        {
            CutLine = 3,
            SpecialSeats = [new SpecialSeat { Label = "pick", Kind = SpecialSeatKind.EvaluationPick, Evaluation = "producers" }],
        };
        var trainees = "abcdef".Select(c => TestSeason.Trainee(c.ToString())).ToList();
        var season = Valid(TestSeason.Season(trainees, [TestSeason.Round("r1", maxPicks: 2)], [announcement]) with
        {
            Evaluations = [TestSeason.Evaluation("producers", EvaluationKind.Pick)],
        });

        var result = SeasonSimulator.Run(season, new SimulationOptions { Fans = 300, Seed = 1 });

        var picked = Assert.Single(result.Counts.Results, r => r.Evaluation == "producers");
        var ranking = result.Announcements.Single().Ranking;
        var seat = Assert.Single(ranking, r => r.Status == SeatStatus.SpecialSeat);
        Assert.Equal(picked.Trainee, seat.Trainee);
        var byVotes = season.Trainees.OrderByDescending(t => result.Counts.Votes("r1", t.Id)).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        Assert.DoesNotContain(picked.Trainee, byVotes.Take(3).Select(t => t.Id));
    }

    [Fact]
    public void A_grade_evaluation_grades_every_trainee_in_the_pool()
    {
        var season = Valid(TestSeason.Valid() with
        {
            Evaluations = [TestSeason.Evaluation("battle", EvaluationKind.Grade, new() { ["A"] = 5000 })],
        });

        var result = SeasonSimulator.Run(season, new SimulationOptions { Fans = 100, Seed = 3 });

        var grades = result.Counts.Results.Where(r => r.Evaluation == "battle").ToList();
        Assert.Equal(season.Trainees.Select(t => t.Id).Order(), grades.Select(r => r.Trainee).Order());
        Assert.All(grades, r => Assert.Contains(r.Result, new[] { "A", "B", "C", "D", "F" }));
        Assert.All(grades, r => Assert.Equal(r.Result == "A" ? 5000 : 0, r.Value));
    }

    private static Season IdolSeason() => TestSeason.Season(
        [TestSeason.Trainee("c1"), TestSeason.Trainee("c2"), TestSeason.Trainee("c3")],
        [TestSeason.Round("show") with
        {
            Ballot = new BallotRule
            {
                MaxPicks = 10,
                Distinct = false,
                BallotsPerPeriod = 10,
                Period = PeriodKind.Round,
                MaxVotesPerTrainee = 10,
                Channels = [new Channel { Id = "web" }, new Channel { Id = "app" }, new Channel { Id = "sms" }],
            },
        }],
        [TestSeason.Announcement("results", TestSeason.Votes("votes", "show")) with { CutLine = 2 }]);

    /// <summary>The seasons built here must be ones a producer could load.</summary>
    private static Season Valid(Season season)
    {
        var loaded = SeasonFile.Parse(SeasonFile.Serialize(season));
        Assert.Empty(loaded.Errors);
        return season;
    }
}
