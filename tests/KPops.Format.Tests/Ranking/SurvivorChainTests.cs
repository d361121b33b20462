using KPops.Format.Model;
using KPops.Format.Ranking;
using Xunit;
using static KPops.Format.Tests.TestSeason;

namespace KPops.Format.Tests.Ranking;

public sealed class SurvivorChainTests
{
    private static readonly Trainee[] Six = [Trainee("a"), Trainee("b"), Trainee("c"), Trainee("d"), Trainee("e"), Trainee("f")];

    /// <summary>
    /// 6 → 3 + an "X" seat → 2 → 1: each announcement ranks the survivors of the one before, f is revived for the
    /// second one and a withdraws before it.
    /// </summary>
    private static Season ThreeAnnouncements() => Season(Six,
        [Round("r1"), Round("r2", week: 1), Round("r3", week: 2)],
        [
            Announcement("ep1", Votes("online", "r1")) with
            {
                CutLine = 3,
                SpecialSeats = [new SpecialSeat { Label = "X", Sources = [Votes("online", "r1")] }],
            },
            Announcement("ep2", Votes("online", "r2")) with
            {
                Pool = new Eligibility { SurvivorsOf = "ep1", Add = ["f"], Remove = ["a"] },
                CutLine = 2,
            },
            Announcement("ep3", Votes("online", "r3")) with { Pool = new Eligibility { SurvivorsOf = "ep2" }, CutLine = 1 },
        ]);

    private static InMemorySeasonCounts Counts()
    {
        var counts = new InMemorySeasonCounts();
        string[] order = ["a", "b", "c", "d", "e", "f"];
        for (var i = 0; i < order.Length; i++)
        {
            counts.Add("r1", order[i], 600 - (100 * i));
        }

        counts.Add("r2", "f", 900);
        counts.Add("r2", "e", 800);
        counts.Add("r2", "b", 700);
        counts.Add("r2", "d", 650);
        counts.Add("r3", "b", 50);
        counts.Add("r3", "f", 40);
        return counts;
    }

    [Fact]
    public void Each_announcement_ranks_the_survivors_of_the_one_it_follows()
    {
        var results = RankingEngine.RankAll(ThreeAnnouncements(), Counts());

        Assert.Equal(["ep1", "ep2", "ep3"], results.Select(r => r.Announcement));
        Assert.Equal(["a", "b", "c", "d"], results[0].Survivors);

        // e was eliminated (its r2 votes do not count), d came through the X seat, f was revived, a withdrew.
        Assert.Equal(["f", "b", "d", "c"], results[1].Ranking.Select(r => r.Trainee));
        Assert.Equal(["f", "b"], results[1].Survivors);
        Assert.Equal(["b", "f"], results[2].Ranking.Select(r => r.Trainee));
        Assert.Equal(["b"], results[2].Survivors);
    }

    [Fact]
    public void Ranking_an_announcement_before_the_one_it_follows_is_an_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            RankingEngine.Rank(ThreeAnnouncements(), "ep2", Counts(), new Dictionary<string, AnnouncementResult>()));

        Assert.Contains("\"ep1\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_announcement_is_an_argument_error() =>
        Assert.Throws<ArgumentException>(() =>
            RankingEngine.Rank(ThreeAnnouncements(), "ep9", Counts(), new Dictionary<string, AnnouncementResult>()));

    [Fact]
    public void Ranking_the_same_counts_twice_gives_the_same_result()
    {
        var first = RankingEngine.RankAll(ThreeAnnouncements(), Counts());
        var second = RankingEngine.RankAll(ThreeAnnouncements(), Counts());

        Assert.Equal(
            first.SelectMany(r => r.Ranking).Select(r => (r.Trainee, r.Rank, r.Score, r.Status)),
            second.SelectMany(r => r.Ranking).Select(r => (r.Trainee, r.Rank, r.Score, r.Status)));
    }
}
