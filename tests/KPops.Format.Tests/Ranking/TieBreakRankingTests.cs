using KPops.Format.Model;
using KPops.Format.Ranking;
using Xunit;
using static KPops.Format.Tests.TestSeason;

namespace KPops.Format.Tests.Ranking;

public sealed class TieBreakRankingTests
{
    private static readonly Trainee[] Trainees = [Trainee("a"), Trainee("b"), Trainee("c")];

    [Fact]
    public void Equal_scores_fall_back_to_trainee_id_order()
    {
        var season = Season(Trainees, [Round("r1")], [Announcement("ep1", Votes("online", "r1"))]);
        var counts = new InMemorySeasonCounts();
        counts.Add("r1", "c", 10);
        counts.Add("r1", "b", 10);
        counts.Add("r1", "a", 20);

        var result = RankingEngine.Rank(season, "ep1", counts, new Dictionary<string, AnnouncementResult>());

        Assert.Equal(["a", "b", "c"], result.Ranking.Select(r => r.Trainee));
        Assert.Equal([null, "traineeId", "traineeId"], result.Ranking.Select(r => r.TieBrokenBy));
    }

    [Fact]
    public void Source_tie_break_prefers_more_points_in_that_source()
    {
        // Eurovision: on equal totals, the entry with more televote points places higher.
        var season = Season(Trainees, [Round("r1")],
        [
            Announcement("final", Votes("jury", "r1") with { Segment = "jury" }, Votes("televote", "r1") with { Segment = "public" }) with
            {
                TieBreak = [new TieBreak { Kind = TieBreakKind.Source, Ref = "televote" }],
            },
        ]) with
        {
            Segments = [new Segment { Id = "jury", Name = Name("Jury") }, new Segment { Id = "public", Name = Name("Public") }],
        };
        var counts = new InMemorySeasonCounts();
        counts.Add("r1", "a", "jury", "web", 200);
        counts.Add("r1", "a", "public", "web", 100);
        counts.Add("r1", "b", "jury", "web", 100);
        counts.Add("r1", "b", "public", "web", 200);
        counts.Add("r1", "c", "public", "web", 50);

        var result = RankingEngine.Rank(season, "final", counts, new Dictionary<string, AnnouncementResult>());

        Assert.Equal(["b", "a", "c"], result.Ranking.Select(r => r.Trainee));
        Assert.Equal(["source:televote", "source:televote", null], result.Ranking.Select(r => r.TieBrokenBy));
    }

    [Fact]
    public void Previous_rank_tie_break_prefers_the_better_earlier_rank_and_absent_ranks_last()
    {
        // In ep1 c ranked above b; d was not ranked (added back later). All tie in ep2.
        var season = Season([.. Trainees, Trainee("d")], [Round("r1"), Round("r2", week: 1)],
        [
            Announcement("ep1", Votes("online", "r1")) with { Pool = new Eligibility { Remove = ["d"] } },
            Announcement("ep2", Votes("online", "r2")) with
            {
                TieBreak = [new TieBreak { Kind = TieBreakKind.PreviousRank, Ref = "ep1" }],
            },
        ]);
        var counts = new InMemorySeasonCounts();
        counts.Add("r1", "c", 30);
        counts.Add("r1", "b", 20);
        counts.Add("r1", "a", 10);
        counts.Add("r2", "d", 5);
        counts.Add("r2", "b", 5);
        counts.Add("r2", "c", 5);
        counts.Add("r2", "a", 5);

        var ep2 = RankingEngine.RankAll(season, counts)[1];

        Assert.Equal(["c", "b", "a", "d"], ep2.Ranking.Select(r => r.Trainee));
        Assert.All(ep2.Ranking, r => Assert.Equal("previousRank:ep1", r.TieBrokenBy));
    }

    [Fact]
    public void Tie_break_rules_apply_in_order_and_the_id_decides_what_they_leave_tied()
    {
        var season = Season(Trainees, [Round("r1")],
        [
            Announcement("ep1", Votes("online", "r1"), Benefits("benefits", "battle")) with
            {
                TieBreak = [new TieBreak { Kind = TieBreakKind.Source, Ref = "benefits" }, new TieBreak { Kind = TieBreakKind.Source, Ref = "online" }],
            },
        ]) with
        {
            Evaluations = [Evaluation("battle")],
        };
        var counts = new InMemorySeasonCounts();
        counts.Add("r1", "c", 100);
        counts.AddResult(new EvaluationResult("battle", "c", "win", 100));
        counts.Add("r1", "b", 200);
        counts.Add("r1", "a", 200);

        var result = RankingEngine.Rank(season, "ep1", counts, new Dictionary<string, AnnouncementResult>());

        // All score 200: c wins on benefits; a and b tie on both sources and fall back to their ids.
        Assert.Equal(["c", "a", "b"], result.Ranking.Select(r => r.Trainee));
        Assert.Equal(["source:benefits", "source:benefits", "traineeId"], result.Ranking.Select(r => r.TieBrokenBy));
    }

    [Fact]
    public void Previous_rank_tie_break_needs_the_earlier_result()
    {
        var season = Season(Trainees, [Round("r1")],
        [
            Announcement("ep1", Votes("online", "r1")),
            Announcement("ep2", Votes("online", "r1")) with { TieBreak = [new TieBreak { Kind = TieBreakKind.PreviousRank, Ref = "ep1" }] },
        ]);

        var error = Assert.Throws<InvalidOperationException>(() =>
            RankingEngine.Rank(season, "ep2", new InMemorySeasonCounts(), new Dictionary<string, AnnouncementResult>()));

        Assert.Contains("\"ep1\"", error.Message, StringComparison.Ordinal);
    }
}
