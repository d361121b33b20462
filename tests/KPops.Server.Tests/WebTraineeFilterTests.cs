using KPops.Format.Model;
using KPops.Server.Operations;
using KPops.Server.Web.Fans.Data;

namespace KPops.Server.Tests;

/// <summary>Pure pieces of the fan pages: search folding, avatars, the pyramid's rows.</summary>
public sealed class WebTraineeFilterTests
{
    private static readonly Trainee Hanbin = new() { Id = "k01", Hangul = "성한빈", Romanized = "Sung Hanbin", Group = "k", Agency = "A", Positions = ["dance"] };
    private static readonly Trainee Derived = new() { Id = "k02", Hangul = "김지웅", Group = "k", Agency = "B", Positions = ["vocal"] };
    private static readonly Trainee Ricky = new() { Id = "g01", Hangul = "리키", Romanized = "Ricky", EnglishName = "Shen Quanrui", Group = "g", Agency = "A", Positions = ["vocal", "dance"] };

    private static IEnumerable<string> Find(TraineeFilter filter) => filter.Apply([Hanbin, Derived, Ricky]).Select(t => t.Id);

    [Fact]
    public void Search_ignores_case_spaces_and_hyphens() =>
        Assert.Equal(["k01"], Find(new TraineeFilter("  sung-HAN bin ", null, null, null)));

    [Fact]
    public void Search_matches_part_of_a_Hangul_name() =>
        Assert.Equal(["k02"], Find(new TraineeFilter("지웅", null, null, null)));

    [Fact]
    public void Search_matches_a_romanization_derived_from_Hangul_when_the_season_gives_none() =>
        Assert.Equal(["k02"], Find(new TraineeFilter("jiung", null, null, null)));

    [Fact]
    public void Search_matches_an_English_name() =>
        Assert.Equal(["g01"], Find(new TraineeFilter("quanrui", null, null, null)));

    [Fact]
    public void Filters_combine() =>
        Assert.Equal(["g01"], Find(new TraineeFilter(null, null, "A", "vocal")));

    [Fact]
    public void An_empty_filter_keeps_everyone() =>
        Assert.Equal(["k01", "k02", "g01"], Find(new TraineeFilter(" ", null, null, null)));

    [Fact]
    public void Avatars_are_the_same_for_the_same_trainee_and_differ_between_trainees()
    {
        Assert.Equal(TraineeAvatars.Colour("k01"), TraineeAvatars.Colour("k01"));
        Assert.NotEqual(TraineeAvatars.Colour("k01"), TraineeAvatars.Colour("g01"));
        Assert.Equal("SH", TraineeAvatars.Initials(Hanbin));
    }

    [Fact]
    public void Pyramid_seats_survivors_in_rows_of_one_two_three_and_lists_the_rest_below_the_cut()
    {
        var rows = Enumerable.Range(1, 8)
            .Select(rank => new PublishedRow($"t{rank}", "", "", rank, null, null, 0, rank <= 6 ? "survived" : "eliminated", null))
            .Append(new PublishedRow("x", "", "", 7, null, null, 0, "specialSeat", "X"))
            .ToList();
        var pyramid = Pyramid.Of(new PublishedAnnouncement("a", "", "", false, 6, null, rows));
        Assert.Equal([["t1"], ["t2", "t3"], ["t4", "t5", "t6"], ["x"]], pyramid.Rows.Select(r => r.Select(s => s.TraineeId).ToArray()));
        Assert.Equal(["t7", "t8"], pyramid.BelowCut.Select(r => r.TraineeId));
    }
}
