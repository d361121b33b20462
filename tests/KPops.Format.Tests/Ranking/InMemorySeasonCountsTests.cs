using KPops.Format.Model;
using KPops.Format.Ranking;
using Xunit;

namespace KPops.Format.Tests.Ranking;

public sealed class InMemorySeasonCountsTests
{
    private static InMemorySeasonCounts Counts()
    {
        var counts = new InMemorySeasonCounts();
        counts.Add("r1", "a", "kr", "web", 10);
        counts.Add("r1", "a", "kr", "sms", 7);
        counts.Add("r1", "a", "gl", "web", 3);
        counts.Add("r1", "a", "kr", "web", 5);
        counts.Add("r2", "a", "kr", "web", 1_000);
        return counts;
    }

    [Fact]
    public void Votes_add_up_per_cell() => Assert.Equal(15, Counts().Votes("r1", "a", "kr", "web"));

    [Fact]
    public void Null_segment_or_channel_sums_over_all_of_them()
    {
        var counts = Counts();

        Assert.Equal(25, counts.Votes("r1", "a"));
        Assert.Equal(22, counts.Votes("r1", "a", segment: "kr"));
        Assert.Equal(18, counts.Votes("r1", "a", channel: "web"));
    }

    [Fact]
    public void Unknown_cells_count_zero()
    {
        var counts = Counts();

        Assert.Equal(0, counts.Votes("r1", "b"));
        Assert.Equal(0, counts.Votes("r3", "a"));
        Assert.Equal(0, counts.Votes("r1", "a", "jp"));
    }

    [Fact]
    public void Votes_without_segment_or_channel_go_to_the_implicit_ones()
    {
        var counts = new InMemorySeasonCounts();
        counts.Add("r1", "a", 4);

        Assert.Equal(4, counts.Votes("r1", "a", Segment.Default, Channel.Default));
    }

    [Fact]
    public void Results_are_kept_in_the_order_recorded()
    {
        var counts = new InMemorySeasonCounts();
        counts.AddResult(new EvaluationResult("battle", "b", "win", 3_000));
        counts.AddResult(new EvaluationResult("battle", "a", "win", 3_000));

        Assert.Equal(["b", "a"], counts.Results.Select(r => r.Trainee));
    }
}
