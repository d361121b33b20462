using KPops.Format.Model;
using KPops.Format.Ranking;
using Xunit;

namespace KPops.Format.Tests.Ranking;

/// <summary>Plays the documented example season (docs/examples/example-season.json) through all three announcements.</summary>
public sealed class ExampleSeasonRankingTests
{
    private static readonly Season Example = SeasonFile.Load(RepositoryFiles.PathOf("docs/examples/example-season.json")).Season!;

    private static InMemorySeasonCounts Counts()
    {
        var counts = new InMemorySeasonCounts();
        (string Trainee, long Votes)[] firstVote =
            [("t01", 900), ("t02", 800), ("t03", 700), ("t04", 300), ("t05", 650), ("t06", 500), ("t07", 400), ("t08", 350)];
        foreach (var (trainee, votes) in firstVote)
        {
            counts.Add("r1", trainee, "korea", "web", votes);
        }

        counts.AddResult(new EvaluationResult("level", "t04", "A", 1_000));
        counts.AddResult(new EvaluationResult("group-battle", "t08", "win", 3_000));

        // Second vote: 1,000 votes in each segment, so each vote is 0.1 % of its segment's share.
        (string Trainee, long Korea, long Global)[] secondVote =
            [("t01", 600, 100), ("t02", 200, 100), ("t03", 100, 100), ("t04", 50, 600), ("t08", 50, 100)];
        foreach (var (trainee, korea, global) in secondVote)
        {
            counts.Add("r2", trainee, "korea", "web", korea);
            counts.Add("r2", trainee, "global", "web", global);
        }

        counts.Add("live", "t03", "korea", "web", 100);
        counts.Add("live", "t03", "korea", "sms", 70);
        counts.Add("live", "t02", "global", "web", 50);
        counts.AddResult(new EvaluationResult("producers-pick", "t04", "pick", 0));
        counts.AddResult(new EvaluationResult("producers-pick", "t01", "pick", 0));
        return counts;
    }

    private static readonly IReadOnlyList<AnnouncementResult> Results = RankingEngine.RankAll(Example, Counts());

    [Fact]
    public void First_ranking_adds_benefits_to_votes_and_keeps_five()
    {
        var ep1 = Results[0];

        Assert.Equal(["t08", "t04", "t01", "t02", "t03", "t05", "t06", "t07"], ep1.Ranking.Select(r => r.Trainee));
        Assert.Equal(
            [new SourceContribution("online", 350m, 350m), new SourceContribution("benefits", 3_000m, 3_000m)],
            ep1.Ranking[0].Breakdown);
        Assert.Equal(["t08", "t04", "t01", "t02", "t03"], ep1.Survivors);
    }

    [Fact]
    public void Second_ranking_splits_korean_and_global_shares_and_revives_one()
    {
        var ep2 = Results[1];

        Assert.Equal(["t01", "t04", "t02", "t03", "t08"], ep2.Ranking.Select(r => r.Trainee));
        Assert.Equal([35m, 32.5m, 15m, 10m, 7.5m], ep2.Ranking.Select(r => r.Score));
        Assert.Equal(
            [SeatStatus.Survived, SeatStatus.Survived, SeatStatus.Survived, SeatStatus.SpecialSeat, SeatStatus.Eliminated],
            ep2.Ranking.Select(r => r.Status));
        Assert.Equal("revival", ep2.Ranking[3].Seat);
    }

    [Fact]
    public void Finale_weighs_live_votes_double_and_seats_the_producers_pick()
    {
        var finale = Results[2];

        // t01 1,600 accumulated; t03 900 + 2 × 170 live; t02 1,100 + 2 × 50 live; t04 950, picked by the producers.
        Assert.Equal(["t01", "t03", "t04", "t02"], finale.Ranking.Select(r => r.Trainee));
        Assert.Equal([1_600m, 1_240m, 950m, 1_200m], finale.Ranking.Select(r => r.Score));
        Assert.Equal("producers' pick", finale.Ranking[2].Seat);
        Assert.Equal(["t01", "t03", "t04"], finale.Survivors);
    }
}
