using KPops.Format.Model;
using Xunit;
using static KPops.Format.Tests.TestSeason;

namespace KPops.Format.Tests.Validation;

public sealed class SpecialSeatRulesTests
{
    private static Season WithSeats(params SpecialSeat[] seats) => WithAnnouncement(a => a with { SpecialSeats = seats });

    private static Season WithPickEvaluation(Season season) =>
        season with { Evaluations = [.. season.Evaluations, Evaluation("pick", EvaluationKind.Pick)] };

    [Fact]
    public void Highest_below_cut_seat_with_sources_is_valid() =>
        ValidationAssert.Errors(WithSeats(new SpecialSeat { Label = "X", Sources = [Votes("total", "r1")] }));

    [Fact]
    public void Highest_below_cut_seat_needs_a_source() =>
        ValidationAssert.Errors(WithSeats(new SpecialSeat { Label = "X" }),
            "announcements[0].specialSeats[0].sources: a highestBelowCut seat needs at least one source");

    [Fact]
    public void Seat_sources_are_checked_like_announcement_sources() =>
        ValidationAssert.Errors(WithSeats(new SpecialSeat { Label = "X", Sources = [Votes("total", "r7")] }),
            "announcements[0].specialSeats[0].sources[0].rounds[0]: unknown round \"r7\"");

    [Fact]
    public void Seat_count_must_be_positive() =>
        ValidationAssert.Errors(WithSeats(new SpecialSeat { Label = "X", Count = 0, Sources = [Votes("total", "r1")] }),
            "announcements[0].specialSeats[0].count: must be ≥ 1");

    [Fact]
    public void Seat_labels_must_be_unique() =>
        ValidationAssert.Errors(
            WithSeats(new SpecialSeat { Label = "X", Sources = [Votes("total", "r1")] }, new SpecialSeat { Label = "X", Sources = [Votes("total", "r1")] }),
            "announcements[0].specialSeats[1].label: duplicate label \"X\", first used at announcements[0].specialSeats[0]");

    [Fact]
    public void Special_seats_need_a_cut_line() =>
        ValidationAssert.Errors(
            WithAnnouncement(a => a with { CutLine = null, SpecialSeats = [new SpecialSeat { Label = "X", Sources = [Votes("total", "r1")] }] }),
            "announcements[0].specialSeats: special seats need a cutLine to seat trainees below it");

    [Fact]
    public void Evaluation_pick_seat_needs_a_pick_evaluation() =>
        ValidationAssert.Errors(WithSeats(new SpecialSeat { Label = "pick", Kind = SpecialSeatKind.EvaluationPick, Evaluation = "battle" }),
            "announcements[0].specialSeats[0].evaluation: evaluation \"battle\" must be of kind pick");

    [Fact]
    public void Evaluation_pick_seat_with_a_pick_evaluation_is_valid() =>
        ValidationAssert.Errors(WithPickEvaluation(WithSeats(new SpecialSeat { Label = "pick", Kind = SpecialSeatKind.EvaluationPick, Evaluation = "pick" })));

    [Fact]
    public void Evaluation_pick_seat_must_name_an_evaluation() =>
        ValidationAssert.Errors(WithSeats(new SpecialSeat { Label = "pick", Kind = SpecialSeatKind.EvaluationPick }),
            "announcements[0].specialSeats[0].evaluation: an evaluationPick seat needs an evaluation");

    [Fact]
    public void Evaluation_pick_seat_must_name_a_known_evaluation() =>
        ValidationAssert.Errors(WithSeats(new SpecialSeat { Label = "pick", Kind = SpecialSeatKind.EvaluationPick, Evaluation = "vote" }),
            "announcements[0].specialSeats[0].evaluation: unknown evaluation \"vote\"");

    [Fact]
    public void Seat_fields_of_the_other_kind_are_rejected() =>
        ValidationAssert.Errors(
            WithPickEvaluation(WithSeats(
                new SpecialSeat { Label = "X", Sources = [Votes("total", "r1")], Evaluation = "pick" },
                new SpecialSeat { Label = "pick", Kind = SpecialSeatKind.EvaluationPick, Evaluation = "pick", Sources = [Votes("total", "r1")] })),
            "announcements[0].specialSeats[0].evaluation: only used by evaluationPick seats",
            "announcements[0].specialSeats[1].sources: only used by highestBelowCut seats");
}
