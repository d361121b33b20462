using KPops.Format.Model;
using KPops.Format.Ranking;
using KPops.Format.Simulation;
using Xunit;

namespace KPops.Format.Tests.Simulation;

public sealed class SeasonSimulatorTests
{
    [Theory]
    [InlineData("boys-planet")]
    [InlineData("produce-x-101")]
    [InlineData("american-idol")]
    [InlineData("eurovision")]
    public void The_same_seed_gives_the_same_counts_and_rankings(string preset)
    {
        var season = Presets.Load(preset);

        var first = SeasonSimulator.Run(season, new SimulationOptions { Fans = 2000, Seed = 11 });
        var second = SeasonSimulator.Run(season, new SimulationOptions { Fans = 2000, Seed = 11 });

        Assert.Equal(SimulatedCounts.Snapshot(season, first.Counts), SimulatedCounts.Snapshot(season, second.Counts));
        Assert.Equal(first.Counts.Results, second.Counts.Results);
        Assert.Equal(first.Rounds, second.Rounds);
        Assert.Equal(SimulatedCounts.Rankings(first), SimulatedCounts.Rankings(second));
    }

    [Fact]
    public void A_different_seed_gives_different_counts()
    {
        var season = Presets.Load("produce-101-s2");

        var first = SeasonSimulator.Run(season, new SimulationOptions { Fans = 2000, Seed = 1 });
        var second = SeasonSimulator.Run(season, new SimulationOptions { Fans = 2000, Seed = 2 });

        Assert.NotEqual(SimulatedCounts.Snapshot(season, first.Counts), SimulatedCounts.Snapshot(season, second.Counts));
    }

    [Fact]
    public void Every_announcement_is_ranked_in_broadcast_order_by_the_ranking_engine()
    {
        var season = Presets.Load("boys-planet");

        var result = SeasonSimulator.Run(season, new SimulationOptions { Fans = 3000, Seed = 5 });

        Assert.Equal(season.Announcements.Select(a => a.Id), result.Announcements.Select(a => a.Announcement));
        Assert.Equal(SimulatedCounts.Rankings(RankingEngine.RankAll(season, result.Counts)), SimulatedCounts.Rankings(result.Announcements));
        Assert.Equal([98, 52, 28, 18], result.Announcements.Select(a => a.Ranking.Count));
        Assert.Equal(9, result.Announcements[^1].Survivors.Count());
    }

    [Theory]
    [InlineData("boys-planet")]
    [InlineData("produce-101-s2")]
    [InlineData("produce-x-101")]
    [InlineData("american-idol")]
    public void No_trainee_gets_votes_in_a_round_they_are_not_eligible_for(string preset)
    {
        var season = Presets.Load(preset);

        var result = SeasonSimulator.Run(season, new SimulationOptions { Fans = 3000, Seed = 3 });

        var announced = result.Announcements.ToDictionary(a => a.Announcement);
        foreach (var round in season.Rounds)
        {
            var eligible = EligibilityResolver.Resolve(season, round.Eligible, announced).ToHashSet();
            Assert.NotEmpty(eligible);
            foreach (var trainee in season.Trainees)
            {
                var votes = result.Counts.Votes(round.Id, trainee.Id);
                if (eligible.Contains(trainee.Id))
                {
                    continue;
                }

                Assert.True(votes == 0, $"{trainee.Id} is not eligible in {round.Id} but got {votes} votes");
            }
        }
    }

    [Fact]
    public void Eliminated_trainees_get_no_votes_in_any_later_round()
    {
        var season = Presets.Load("boys-planet");

        var result = SeasonSimulator.Run(season, new SimulationOptions { Fans = 3000, Seed = 8 });

        var first = result.Announcements[0];
        var eliminated = first.Ranking.Where(r => r.Status == SeatStatus.Eliminated).Select(r => r.Trainee).ToList();
        Assert.Equal(98 - 52, eliminated.Count);
        Assert.All(eliminated, trainee => Assert.True(result.Counts.Votes("vote-1", trainee) > 0));
        foreach (var round in season.Rounds.Skip(1))
        {
            Assert.All(eliminated, trainee => Assert.Equal(0, result.Counts.Votes(round.Id, trainee)));
        }
    }

    [Fact]
    public void Boys_planet_votes_are_counted_apart_for_korea_and_global()
    {
        var season = Presets.Load("boys-planet");

        var result = SeasonSimulator.Run(season, new SimulationOptions { Fans = 3000, Seed = 4 });

        var korea = season.Trainees.Sum(t => result.Counts.Votes("vote-1", t.Id, "korea"));
        var global = season.Trainees.Sum(t => result.Counts.Votes("vote-1", t.Id, "global"));
        Assert.True(korea > 0 && global > 0);
        Assert.Equal(korea + global, season.Trainees.Sum(t => result.Counts.Votes("vote-1", t.Id)));
        Assert.Equal(korea + global, result.Rounds[0].Votes);
    }

    [Fact]
    public void Popularity_is_skewed_so_the_top_trainee_far_outpolls_the_median()
    {
        var season = Presets.Load("produce-x-101");

        var result = SeasonSimulator.Run(season, new SimulationOptions { Fans = 5000, Seed = 1 });

        var votes = season.Trainees.Select(t => result.Counts.Votes("online-1", t.Id)).Order().ToList();
        Assert.True(votes[^1] > 3 * votes[votes.Count / 2], $"top {votes[^1]} vs median {votes[votes.Count / 2]}");
    }

    [Fact]
    public void Mission_benefits_go_to_trainees_in_the_announcement_pool_with_the_benefit_value()
    {
        var season = Presets.Load("produce-101-s2");

        var result = SeasonSimulator.Run(season, new SimulationOptions { Fans = 2000, Seed = 6 });

        var position = season.Evaluations.Single(e => e.Id == "position");
        var positionResults = result.Counts.Results.Where(r => r.Evaluation == "position").ToList();
        var ranking2Pool = result.Announcements[1].Ranking.Select(r => r.Trainee).ToHashSet();
        Assert.NotEmpty(positionResults);
        Assert.All(positionResults, r => Assert.Contains(r.Trainee, ranking2Pool));
        Assert.All(positionResults, r => Assert.Equal(position.Benefits[r.Result], r.Value));
        Assert.Equal(positionResults.Count, positionResults.Select(r => r.Trainee).Distinct().Count());
        Assert.True(positionResults.Count(r => r.Result == "positionFirst") < positionResults.Count(r => r.Result == "songFirst"));
    }

    [Fact]
    public void Progress_is_reported_up_to_completion()
    {
        var reports = new List<SimulationProgress>();

        SeasonSimulator.Run(Presets.Load("american-idol"), new SimulationOptions { Fans = 100, Progress = reports.Add });

        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second.Fraction >= pair.First.Fraction));
    }

    [Fact]
    public void A_fan_count_below_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SeasonSimulator.Run(Presets.Load("eurovision"), new SimulationOptions { Fans = 0 }));
    }
}
