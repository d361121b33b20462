using KPops.Format.Model;
using KPops.Format.Ranking;
using Xunit;
using static KPops.Format.Tests.TestSeason;

namespace KPops.Format.Tests.Ranking;

public sealed class ScoreSourceRankingTests
{
    private static readonly Trainee[] Trainees = [Trainee("a"), Trainee("b"), Trainee("c")];

    private static AnnouncementResult RankOne(Season season, InMemorySeasonCounts counts) =>
        RankingEngine.Rank(season, season.Announcements[0].Id, counts, new Dictionary<string, AnnouncementResult>());

    [Fact]
    public void Raw_votes_are_summed_over_the_source_rounds_and_ranked_by_score()
    {
        var season = Season(Trainees, [Round("r1"), Round("r2", week: 1)], [Announcement("ep1", Votes("online", "r1", "r2"))]);
        var counts = new InMemorySeasonCounts();
        counts.Add("r1", "a", 100);
        counts.Add("r2", "a", 50);
        counts.Add("r1", "b", 200);
        counts.Add("r2", "c", 10);

        var result = RankOne(season, counts);

        Assert.Equal(["b", "a", "c"], result.Ranking.Select(r => r.Trainee));
        Assert.Equal([1, 2, 3], result.Ranking.Select(r => r.Rank));
        Assert.Equal([200m, 150m, 10m], result.Ranking.Select(r => r.Score));
        Assert.Equal(new SourceContribution("online", 150m, 150m), Assert.Single(result.Ranking[1].Breakdown));
        Assert.All(result.Ranking, r => Assert.Equal(SeatStatus.Survived, r.Status));
    }

    [Fact]
    public void Votes_in_rounds_the_source_does_not_name_are_ignored()
    {
        var season = Season(Trainees, [Round("r1"), Round("r2", week: 1)], [Announcement("ep1", Votes("online", "r1"))]);
        var counts = new InMemorySeasonCounts();
        counts.Add("r1", "a", 5);
        counts.Add("r2", "b", 1000);

        Assert.Equal(["a", "b", "c"], RankOne(season, counts).Ranking.Select(r => r.Trainee));
    }

    [Fact]
    public void Benefits_add_evaluation_results_of_the_named_evaluations()
    {
        var season = Season(Trainees, [Round("r1")], [Announcement("ep1", Votes("online", "r1"), Benefits("benefits", "battle", "position"))]) with
        {
            Evaluations = [Evaluation("battle"), Evaluation("position"), Evaluation("concept")],
        };
        var counts = new InMemorySeasonCounts();
        counts.Add("r1", "a", 10_000);
        counts.Add("r1", "b", 8_000);
        counts.AddResult(new EvaluationResult("battle", "b", "win", 3_000));
        counts.AddResult(new EvaluationResult("position", "b", "songFirst", 10_000));
        counts.AddResult(new EvaluationResult("concept", "a", "win", 100_000));

        var result = RankOne(season, counts);

        Assert.Equal(["b", "a", "c"], result.Ranking.Select(r => r.Trainee));
        Assert.Equal(
            [new SourceContribution("online", 8_000m, 8_000m), new SourceContribution("benefits", 13_000m, 13_000m)],
            result.Ranking[0].Breakdown);
    }

    [Fact]
    public void Evaluations_source_with_a_segment_counts_only_that_segments_points()
    {
        var season = Season(Trainees, [], [Announcement("jury", Benefits("se-jury", "jury") with { Segment = "se" })]) with
        {
            Segments = [new Segment { Id = "se", Name = Name("Sweden") }, new Segment { Id = "no", Name = Name("Norway") }],
            Evaluations = [Evaluation("jury", EvaluationKind.Points)],
        };
        var counts = new InMemorySeasonCounts();
        counts.AddResult(new EvaluationResult("jury", "a", "points", 12, "se"));
        counts.AddResult(new EvaluationResult("jury", "b", "points", 12, "no"));
        counts.AddResult(new EvaluationResult("jury", "b", "points", 10, "se"));

        Assert.Equal([12m, 10m, 0m], RankOne(season, counts).Ranking.Select(r => r.Score));
    }

    [Fact]
    public void Channel_sources_are_weighted_separately()
    {
        // A finale where a live text message counts double an online vote.
        var live = Round("live") with
        {
            Ballot = new BallotRule { MaxPicks = 1, Channels = [new Channel { Id = "web" }, new Channel { Id = "sms" }] },
        };
        var season = Season(Trainees, [live], [Announcement("final", Votes("online", "live") with { Channel = "web" }, Votes("sms", "live") with { Channel = "sms", Weight = 2m })]);
        var counts = new InMemorySeasonCounts();
        counts.Add("live", "a", "all", "web", 1_000);
        counts.Add("live", "a", "all", "sms", 100);
        counts.Add("live", "b", "all", "web", 500);
        counts.Add("live", "b", "all", "sms", 400);

        var result = RankOne(season, counts);

        Assert.Equal(["b", "a", "c"], result.Ranking.Select(r => r.Trainee));
        Assert.Equal([1_300m, 1_200m, 0m], result.Ranking.Select(r => r.Score));
        Assert.Equal(
            [new SourceContribution("online", 500m, 500m), new SourceContribution("sms", 400m, 800m)],
            result.Ranking[0].Breakdown);
    }

    [Fact]
    public void Share_conversion_weighs_each_segment_equally_whatever_its_size()
    {
        // Boys Planet: 50 % from the Korean share, 50 % from the global share. "a" has more raw votes,
        // but "b" wins the small segment by more than "a" wins the big one.
        var season = Season([Trainee("a"), Trainee("b")], [Round("r1")],
        [
            Announcement("ep1",
                Votes("korea", "r1") with { Segment = "kr", Conversion = Conversion.Share, Scale = 100m, Weight = 0.5m },
                Votes("global", "r1") with { Segment = "gl", Conversion = Conversion.Share, Scale = 100m, Weight = 0.5m }),
        ]) with
        {
            Segments = [new Segment { Id = "kr", Name = Name("Korea") }, new Segment { Id = "gl", Name = Name("Global") }],
        };
        var counts = new InMemorySeasonCounts();
        counts.Add("r1", "a", "kr", "web", 8_000);
        counts.Add("r1", "b", "kr", "web", 2_000);
        counts.Add("r1", "a", "gl", "web", 100);
        counts.Add("r1", "b", "gl", "web", 900);

        var result = RankOne(season, counts);

        Assert.Equal(["b", "a"], result.Ranking.Select(r => r.Trainee));
        Assert.Equal([55m, 45m], result.Ranking.Select(r => r.Score));
        Assert.Equal(
            [new SourceContribution("korea", 2_000m, 10m), new SourceContribution("global", 900m, 45m)],
            result.Ranking[0].Breakdown);
    }

    [Fact]
    public void Share_of_a_source_nobody_scored_in_is_zero()
    {
        var season = Season(Trainees, [Round("r1")], [Announcement("ep1", Votes("online", "r1") with { Conversion = Conversion.Share, Scale = 100m })]);

        var result = RankOne(season, new InMemorySeasonCounts());

        Assert.All(result.Ranking, r => Assert.Equal(0m, r.Score));
    }

    [Fact]
    public void Shares_are_taken_among_the_ranked_pool_only()
    {
        var season = Season(Trainees, [Round("r1")],
        [
            Announcement("ep1", Votes("online", "r1") with { Conversion = Conversion.Share, Scale = 100m }) with
            {
                Pool = new Eligibility { Remove = ["c"] },
            },
        ]);
        var counts = new InMemorySeasonCounts();
        counts.Add("r1", "a", 300);
        counts.Add("r1", "b", 100);
        counts.Add("r1", "c", 10_000);

        Assert.Equal([75m, 25m], RankOne(season, counts).Ranking.Select(r => r.Score));
    }
}
