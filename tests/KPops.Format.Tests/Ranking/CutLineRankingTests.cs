using KPops.Format.Model;
using KPops.Format.Ranking;
using Xunit;
using static KPops.Format.Tests.TestSeason;

namespace KPops.Format.Tests.Ranking;

public sealed class CutLineRankingTests
{
    private static readonly Trainee[] Five = [Trainee("a"), Trainee("b"), Trainee("c"), Trainee("d"), Trainee("e")];

    /// <summary>Round r2's votes: a 500, b 400, c 300, d 200, e 100. Round r1's: e leads with 1,000.</summary>
    private static InMemorySeasonCounts Counts()
    {
        var counts = new InMemorySeasonCounts();
        counts.Add("r2", "a", 500);
        counts.Add("r2", "b", 400);
        counts.Add("r2", "c", 300);
        counts.Add("r2", "d", 200);
        counts.Add("r2", "e", 100);
        counts.Add("r1", "e", 1_000);
        counts.Add("r1", "d", 10);
        return counts;
    }

    private static AnnouncementResult Rank(Announcement announcement, InMemorySeasonCounts? counts = null)
    {
        var season = Season(Five, [Round("r1"), Round("r2", week: 1)], [announcement]) with
        {
            Evaluations = [Evaluation("pick", EvaluationKind.Pick)],
        };
        return RankingEngine.Rank(season, announcement.Id, counts ?? Counts(), new Dictionary<string, AnnouncementResult>());
    }

    private static Announcement Ranking(int? cutLine, params SpecialSeat[] seats) =>
        Announcement("ep", Votes("online", "r2")) with { CutLine = cutLine, SpecialSeats = seats };

    [Fact]
    public void Trainees_within_the_cut_line_survive_and_the_rest_are_eliminated()
    {
        var result = Rank(Ranking(3));

        Assert.Equal(
            [SeatStatus.Survived, SeatStatus.Survived, SeatStatus.Survived, SeatStatus.Eliminated, SeatStatus.Eliminated],
            result.Ranking.Select(r => r.Status));
        Assert.Equal(["a", "b", "c"], result.Survivors);
    }

    [Fact]
    public void Without_a_cut_line_everyone_survives() =>
        Assert.Equal(5, Rank(Ranking(null)).Survivors.Count());

    [Fact]
    public void Highest_below_cut_seat_takes_the_best_by_its_own_sources()
    {
        // The "X" seat goes to the highest accumulated total (r1 + r2) below the cut: e (1,100), not d (210).
        var result = Rank(Ranking(3, new SpecialSeat { Label = "X", Sources = [Votes("accumulated", "r1", "r2")] }));

        Assert.Equal(["a", "b", "c", "e", "d"], result.Ranking.Select(r => r.Trainee));
        Assert.Equal([1, 2, 3, 4, 5], result.Ranking.Select(r => r.Rank));
        var seated = result.Ranking[3];
        Assert.Equal(SeatStatus.SpecialSeat, seated.Status);
        Assert.Equal("X", seated.Seat);
        Assert.Equal(100m, seated.Score);
        Assert.Equal(SeatStatus.Eliminated, result.Ranking[4].Status);
        Assert.Equal(["a", "b", "c", "e"], result.Survivors);
    }

    [Fact]
    public void Highest_below_cut_seats_fill_their_count_in_order_of_their_score()
    {
        var result = Rank(Ranking(2, new SpecialSeat { Label = "X", Count = 2, Sources = [Votes("accumulated", "r1", "r2")] }));

        Assert.Equal(["a", "b", "e", "c", "d"], result.Ranking.Select(r => r.Trainee));
        Assert.Equal(["X", "X"], result.Ranking.Where(r => r.Status == SeatStatus.SpecialSeat).Select(r => r.Seat));
    }

    [Fact]
    public void Evaluation_pick_seats_trainees_below_the_cut_with_a_result()
    {
        // The producers picked b (already in) and d: only d takes the seat.
        var counts = Counts();
        counts.AddResult(new EvaluationResult("pick", "b", "pick", 0));
        counts.AddResult(new EvaluationResult("pick", "d", "pick", 0));

        var result = Rank(Ranking(3, new SpecialSeat { Label = "producers' pick", Kind = SpecialSeatKind.EvaluationPick, Evaluation = "pick" }), counts);

        Assert.Equal(["a", "b", "c", "d", "e"], result.Ranking.Select(r => r.Trainee));
        Assert.Equal(SeatStatus.SpecialSeat, result.Ranking[3].Status);
        Assert.Equal("producers' pick", result.Ranking[3].Seat);
        Assert.Equal(SeatStatus.Eliminated, result.Ranking[4].Status);
    }

    [Fact]
    public void Evaluation_pick_seat_ranks_the_picked_trainee_right_after_the_cut()
    {
        var counts = Counts();
        counts.AddResult(new EvaluationResult("pick", "e", "pick", 0));

        var result = Rank(Ranking(2, new SpecialSeat { Label = "pick", Kind = SpecialSeatKind.EvaluationPick, Evaluation = "pick" }), counts);

        Assert.Equal(["a", "b", "e", "c", "d"], result.Ranking.Select(r => r.Trainee));
        Assert.Equal([SeatStatus.SpecialSeat, SeatStatus.Eliminated, SeatStatus.Eliminated], result.Ranking.Skip(2).Select(r => r.Status));
    }

    [Fact]
    public void An_evaluation_pick_with_no_pick_below_the_cut_stays_empty()
    {
        var result = Rank(Ranking(3, new SpecialSeat { Label = "pick", Kind = SpecialSeatKind.EvaluationPick, Evaluation = "pick" }));

        Assert.DoesNotContain(result.Ranking, r => r.Status == SeatStatus.SpecialSeat);
        Assert.Equal(["a", "b", "c"], result.Survivors);
    }

    [Fact]
    public void Seats_are_filled_in_order_and_never_twice()
    {
        var counts = Counts();
        counts.AddResult(new EvaluationResult("pick", "e", "pick", 0));
        counts.AddResult(new EvaluationResult("pick", "d", "pick", 0));

        var result = Rank(
            Ranking(3,
                new SpecialSeat { Label = "X", Sources = [Votes("accumulated", "r1", "r2")] },
                new SpecialSeat { Label = "pick", Kind = SpecialSeatKind.EvaluationPick, Evaluation = "pick" }),
            counts);

        Assert.Equal(["a", "b", "c", "e", "d"], result.Ranking.Select(r => r.Trainee));
        Assert.Equal(["X", "pick"], result.Ranking.Skip(3).Select(r => r.Seat));
    }
}
