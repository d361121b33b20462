using KPops.Format.Model;
using Xunit;
using static KPops.Format.Tests.TestSeason;

namespace KPops.Format.Tests.Validation;

public sealed class EvaluationRulesTests
{
    private static Season WithEvaluation(Evaluation evaluation) =>
        Valid() with { Evaluations = [evaluation], Announcements = [] };

    [Fact]
    public void Benefits_cannot_be_negative() =>
        ValidationAssert.Errors(WithEvaluation(Evaluation("battle", benefits: new() { ["win"] = 3000, ["lose"] = -500 })),
            "evaluations[0].benefits.lose: must be ≥ 0");

    [Fact]
    public void Grade_evaluations_accept_only_grades_A_to_F() =>
        ValidationAssert.Errors(WithEvaluation(Evaluation("level", EvaluationKind.Grade, new() { ["A"] = 1000, ["S"] = 5000 })),
            "evaluations[0].benefits.S: a grade evaluation accepts only the keys A to F");

    [Fact]
    public void Grade_evaluations_accept_every_grade() =>
        ValidationAssert.Errors(WithEvaluation(Evaluation("level", EvaluationKind.Grade, new() { ["A"] = 5, ["B"] = 4, ["C"] = 3, ["D"] = 2, ["E"] = 1, ["F"] = 0 })));

    [Fact]
    public void Evaluation_ids_must_be_unique() =>
        ValidationAssert.Errors(Valid() with { Evaluations = [Evaluation("battle"), Evaluation("battle")], Announcements = [] },
            "evaluations[1].id: duplicate id \"battle\", first used at evaluations[0]");

    [Fact]
    public void Evaluation_needs_a_name_in_both_languages() =>
        ValidationAssert.Errors(WithEvaluation(Evaluation("battle") with { Name = new LocalizedText("그룹 배틀", "") }),
            "evaluations[0].name.en: must not be empty");
}
