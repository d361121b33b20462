using KPops.Format.Model;
using KPops.Format.Ranking;
using Xunit;

namespace KPops.Format.Tests;

public class ProduceX101PresetTests
{
    private readonly Season _season = Presets.Load("produce-x-101");

    [Fact]
    public void Ballots_go_from_eleven_picks_to_two_to_one()
    {
        Assert.Equal(11, Round("online-1").Ballot.MaxPicks);
        Assert.Equal(11, Round("online-2").Ballot.MaxPicks);
        Assert.Equal(2, Round("online-3").Ballot.MaxPicks);
        Assert.Equal(1, Round("final-online").Ballot.MaxPicks);
        Assert.Equal(1, Round("final-sms").Ballot.MaxPicks);
    }

    [Fact]
    public void Cuts_go_101_to_60_to_30_plus_one_revived_to_20_to_10_plus_the_X_seat()
    {
        var results = RankingEngine.RankAll(_season, PresetCounts.Steady(_season));

        Assert.Equal([101, 60, 31, 20], results.Select(r => r.Ranking.Count));
        Assert.Equal([60, 31, 20, 11], results.Select(r => r.Survivors.Count()));
    }

    [Fact]
    public void The_revival_vote_brings_back_the_most_voted_eliminated_trainee()
    {
        var counts = PresetCounts.Steady(_season);
        counts.Add("revival", "t045", 90_000);
        counts.Add("revival", "t002", 150_000); // survives on merit, so its revival votes do not seat it

        var second = PresetCounts.ById(RankingEngine.RankAll(_season, counts))["ranking-2"];
        var revived = Assert.Single(second.Ranking, r => r.Status == SeatStatus.SpecialSeat);

        Assert.Equal(("t045", "revived", 31), (revived.Trainee, revived.Seat, revived.Rank));
        Assert.Equal(SeatStatus.Eliminated, second.Ranking.Single(r => r.Trainee == "t031").Status);
    }

    [Fact]
    public void The_X_seat_goes_to_the_highest_accumulated_total_outside_the_top_10_not_to_the_11th_in_the_final_count()
    {
        var counts = PresetCounts.Steady(_season);
        // In the steady pattern t011 is 11th in the final count; t015 is 15th tonight but, with a million extra
        // votes in the first round, has the most votes over the season of everyone outside the top 10.
        counts.Add("online-1", "t015", 1_000_000);

        var finale = PresetCounts.ById(RankingEngine.RankAll(_season, counts))["finale"];
        var byTrainee = finale.Ranking.ToDictionary(r => r.Trainee);

        Assert.Equal(_season.Trainees.Take(10).Select(t => t.Id), finale.Ranking.Take(10).Select(r => r.Trainee));
        Assert.Equal(11, finale.Ranking.Where(r => r.Status != SeatStatus.Eliminated).Count());
        Assert.True(byTrainee["t011"].Score > byTrainee["t015"].Score, "t011 leads t015 in the final count");
        Assert.Equal((11, SeatStatus.SpecialSeat, "X"), (byTrainee["t015"].Rank, byTrainee["t015"].Status, byTrainee["t015"].Seat));
        Assert.Equal(SeatStatus.Eliminated, byTrainee["t011"].Status);
    }

    [Fact]
    public void Concept_evaluation_benefits_count_in_the_third_elimination_only()
    {
        var counts = PresetCounts.Steady(_season);
        counts.AddResult(new EvaluationResult("concept", "t020", "winningTeam", 200_000));
        counts.AddResult(new EvaluationResult("concept", "t020", "onSite", 500 * 120));

        var results = PresetCounts.ById(RankingEngine.RankAll(_season, counts));
        var third = results["ranking-3"].Ranking.Single(r => r.Trainee == "t020");

        Assert.Equal(260_000m, third.Breakdown.Single(b => b.Label == "benefits").Points);
        Assert.Equal(1, third.Rank);
        Assert.Equal(20, results["ranking-2"].Ranking.Single(r => r.Trainee == "t020").Rank);
    }

    private Round Round(string id) => _season.Rounds.Single(r => r.Id == id);
}
