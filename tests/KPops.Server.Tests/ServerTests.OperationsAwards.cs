using KPops.Format;
using KPops.Server.Operations;
using KPops.Server.Problems;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KPops.Server.Tests;

/// <summary>
/// How awards become log entries, on seasons the shared server does not define: Eurovision's jury points (per
/// awarding segment, free values) and a producers' pick.
/// </summary>
public sealed class EvaluationAwardsTests
{
    private static readonly CompiledSeason Eurovision = new(Presets.Load("eurovision"));

    [Fact]
    public void Jury_points_record_their_value_and_awarding_segment()
    {
        var entry = EvaluationAwards.Result(Eurovision, Jury(), new EvaluationResultRequest("pt", "12", 12, "at"), out var problem);

        Assert.Null(problem);
        Assert.Equal((Eurovision.TraineeIndex("pt"), "12", 12L, Eurovision.SegmentIndex("at")), (entry!.Trainee, entry.Result, entry.Value, (int)entry.Segment));
    }

    [Theory]
    [InlineData("pt", "12", 12L, null, ProblemCodes.UnknownSegment)]
    [InlineData("pt", "12", 12L, "atlantis", ProblemCodes.UnknownSegment)]
    [InlineData("at", "12", 12L, "at", ProblemCodes.BadRequest)]
    [InlineData("pt", "12", null, "at", ProblemCodes.BadRequest)]
    [InlineData("pt", "", 12L, "at", ProblemCodes.BadRequest)]
    [InlineData("nobody", "12", 12L, "at", ProblemCodes.UnknownTrainee)]
    public void Jury_points_need_a_known_foreign_segment_a_key_and_a_value(string trainee, string result, long? value, string? segment, string code)
    {
        var entry = EvaluationAwards.Result(Eurovision, Jury(), new EvaluationResultRequest(trainee, result, value, segment), out var problem);

        Assert.Null(entry);
        Assert.Equal(code, CodeOf(problem));
    }

    [Fact]
    public void A_segment_jury_gives_a_trainee_points_once()
    {
        var first = EvaluationAwards.Result(Eurovision, Jury(), new EvaluationResultRequest("pt", "12", 12, "at"), out _)!;
        var recorded = new[] { new KPops.Format.Model.EvaluationResult("jury", "pt", "12", 12, "at") };

        Assert.NotNull(EvaluationAwards.Duplicate(Eurovision, first, recorded));
        Assert.Null(EvaluationAwards.Duplicate(Eurovision, first with { Segment = (ushort)Eurovision.SegmentIndex("ch") }, recorded));
    }

    [Fact]
    public void Producers_pick_is_recorded_as_pick()
    {
        var season = new CompiledSeason(Presets.Load("produce-x-101") with
        {
            Evaluations = [new KPops.Format.Model.Evaluation { Id = "pd-pick", Name = new("픽", "Pick"), Kind = KPops.Format.Model.EvaluationKind.Pick }],
        });

        var entry = EvaluationAwards.Result(season, 0, new EvaluationResultRequest("t001", null, null, null), out var problem);
        var wrong = EvaluationAwards.Result(season, 0, new EvaluationResultRequest("t001", "groupWin", null, null), out var refusal);

        Assert.Null(problem);
        Assert.Equal((EvaluationAwards.PickResult, 0L), (entry!.Result, entry.Value));
        Assert.Null(wrong);
        Assert.Equal(ProblemCodes.UnknownResult, CodeOf(refusal));
    }

    private static int Jury() => Eurovision.TryGetEvaluation("jury", out int index) ? index : -1;

    private static string? CodeOf(ProblemHttpResult? problem) =>
        problem?.ProblemDetails.Extensions.TryGetValue(Problem.CodeExtension, out var code) == true ? code as string : null;
}
