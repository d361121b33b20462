using KPops.Format.Model;
using KPops.Format.Ranking;
using Xunit;
using static KPops.Format.Tests.TestSeason;

namespace KPops.Format.Tests.Ranking;

/// <summary>Eurovision's televote: each country ranks the other entries by its own votes and gives 12, 10, 8.</summary>
public sealed class SegmentPointsRankingTests
{
    private static readonly Season Contest = Season(
        [Trainee("se", home: "se"), Trainee("no", home: "no"), Trainee("fi", home: "fi"), Trainee("it", home: "it")],
        [Round("final")],
        [Announcement("result", Votes("televote", "final") with { Kind = SourceKind.SegmentPoints, Points = [12, 10, 8] })]) with
    {
        Segments = new[] { "se", "no", "fi", "it" }.Select(id => new Segment { Id = id, Name = Name(id) }).ToList(),
    };

    private static Dictionary<string, decimal> Scores(InMemorySeasonCounts counts) =>
        RankingEngine.Rank(Contest, "result", counts, new Dictionary<string, AnnouncementResult>())
            .Ranking.ToDictionary(r => r.Trainee, r => r.Score);

    [Fact]
    public void Each_segment_gives_its_points_in_order_of_its_votes()
    {
        var counts = new InMemorySeasonCounts();
        counts.Add("final", "it", "se", "web", 500);
        counts.Add("final", "fi", "se", "web", 300);
        counts.Add("final", "no", "se", "web", 100);

        Assert.Equal(new Dictionary<string, decimal> { ["it"] = 12, ["fi"] = 10, ["no"] = 8, ["se"] = 0 }, Scores(counts));
    }

    [Fact]
    public void A_segment_never_gives_points_to_its_own_entry()
    {
        // Sweden's voters favour Sweden, but those votes are not ranked: Norway gets Sweden's 12.
        var counts = new InMemorySeasonCounts();
        counts.Add("final", "se", "se", "web", 10_000);
        counts.Add("final", "no", "se", "web", 200);
        counts.Add("final", "fi", "se", "web", 100);

        var scores = Scores(counts);

        Assert.Equal(0m, scores["se"]);
        Assert.Equal(12m, scores["no"]);
        Assert.Equal(10m, scores["fi"]);
    }

    [Fact]
    public void Entries_without_votes_in_a_segment_get_no_points_from_it()
    {
        var counts = new InMemorySeasonCounts();
        counts.Add("final", "it", "no", "web", 5);

        Assert.Equal(new Dictionary<string, decimal> { ["it"] = 12, ["se"] = 0, ["no"] = 0, ["fi"] = 0 }, Scores(counts));
    }

    [Fact]
    public void Equal_votes_within_a_segment_are_ordered_by_trainee_id()
    {
        var counts = new InMemorySeasonCounts();
        counts.Add("final", "no", "it", "web", 50);
        counts.Add("final", "fi", "it", "web", 50);

        var scores = Scores(counts);

        Assert.Equal(12m, scores["fi"]);
        Assert.Equal(10m, scores["no"]);
    }

    [Fact]
    public void Points_from_all_segments_add_up_and_the_breakdown_counts_points()
    {
        var counts = new InMemorySeasonCounts();
        foreach (var segment in new[] { "se", "no", "fi" })
        {
            counts.Add("final", "it", segment, "web", 900);
        }

        counts.Add("final", "se", "it", "web", 40);
        counts.Add("final", "no", "it", "web", 30);
        counts.Add("final", "fi", "it", "web", 20);
        counts.Add("final", "no", "se", "web", 10);

        var result = RankingEngine.Rank(Contest, "result", counts, new Dictionary<string, AnnouncementResult>());

        Assert.Equal("it", result.Ranking[0].Trainee);
        Assert.Equal(new SourceContribution("televote", 36m, 36m), Assert.Single(result.Ranking[0].Breakdown));
        // Norway: 10 from Italy (behind Sweden) and 10 from Sweden (behind Italy).
        Assert.Equal(20m, result.Ranking.Single(r => r.Trainee == "no").Score);
    }
}
