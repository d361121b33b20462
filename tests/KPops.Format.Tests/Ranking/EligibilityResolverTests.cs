using KPops.Format.Model;
using KPops.Format.Ranking;
using Xunit;
using static KPops.Format.Tests.TestSeason;

namespace KPops.Format.Tests.Ranking;

public sealed class EligibilityResolverTests
{
    private static readonly Season Four = Season([Trainee("a"), Trainee("b"), Trainee("c"), Trainee("d")]);

    private static readonly Dictionary<string, AnnouncementResult> NoneYet = [];

    private static RankedTrainee Ranked(string trainee, int rank, SeatStatus status) => new()
    {
        Rank = rank,
        Trainee = trainee,
        Score = 0m,
        Breakdown = [],
        Status = status,
    };

    [Fact]
    public void Default_eligibility_is_every_trainee_in_season_order() =>
        Assert.Equal(["a", "b", "c", "d"], EligibilityResolver.Resolve(Four, new Eligibility(), NoneYet));

    [Fact]
    public void Explicit_list_is_returned_in_season_order_without_repeats() =>
        Assert.Equal(["b", "d"], EligibilityResolver.Resolve(Four, new Eligibility { Trainees = ["d", "b", "d"] }, NoneYet));

    [Fact]
    public void Added_trainees_join_and_removed_ones_leave() =>
        Assert.Equal(["a", "c"], EligibilityResolver.Resolve(Four, new Eligibility { Trainees = ["a", "b"], Add = ["c"], Remove = ["b"] }, NoneYet));

    [Fact]
    public void Survivors_include_special_seats_but_not_the_eliminated()
    {
        var earlier = new Dictionary<string, AnnouncementResult>
        {
            ["ep1"] = new("ep1", [Ranked("c", 1, SeatStatus.Survived), Ranked("a", 2, SeatStatus.SpecialSeat), Ranked("b", 3, SeatStatus.Eliminated), Ranked("d", 4, SeatStatus.Eliminated)]),
        };

        Assert.Equal(["a", "c"], EligibilityResolver.Resolve(Four, new Eligibility { SurvivorsOf = "ep1" }, earlier));
        Assert.Equal(["a", "c", "d"], EligibilityResolver.Resolve(Four, new Eligibility { SurvivorsOf = "ep1", Add = ["d"] }, earlier));
    }

    [Fact]
    public void Survivors_of_an_announcement_not_yet_ranked_cannot_be_resolved() =>
        Assert.Throws<InvalidOperationException>(() => EligibilityResolver.Resolve(Four, new Eligibility { SurvivorsOf = "ep1" }, NoneYet));
}
