using System.Text;
using KPops.Server.Problems;
using KPops.Server.Staff;
using KPops.Server.Voting;
using KPops.Voting;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KPops.Server.Operations;

/// <summary>
/// Evaluation results under <c>/api/evaluations/{evaluationId}</c>: producers award benefits, picks and points;
/// mentors enter grades. Each becomes a log entry appended through the ballot pipeline, checked against the season's
/// evaluation definition here and against the results already recorded at the entry's own turn in the log.
/// </summary>
public static class EvaluationsApi
{
    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var evaluations = app.MapGroup("/api/evaluations/{evaluationId}").WithTags("Evaluations");
        evaluations.MapGroup("").RequireStaff(StaffPolicies.Producer)
            .MapPost("/results", RecordResultAsync)
            .WithName("RecordEvaluationResult")
            .WithSummary("Award a benefit, pick or points to a trainee (producers)");
        evaluations.MapGroup("").RequireStaff(OperationsPolicies.Grading)
            .MapPost("/grades", EnterGradeAsync)
            .WithName("EnterGrade")
            .WithSummary("Enter a mentor's grade A–F for a trainee (mentors)");
        return app;
    }

    internal static Task<Results<Ok<EvaluationEntryResponse>, ProblemHttpResult>> RecordResultAsync(
        string evaluationId, EvaluationResultRequest request, VotingHost voting) =>
        AppendAsync(evaluationId, voting, (season, evaluation) =>
        {
            var entry = EvaluationAwards.Result(season, evaluation, request, out var problem);
            return (entry, problem);
        });

    internal static Task<Results<Ok<EvaluationEntryResponse>, ProblemHttpResult>> EnterGradeAsync(
        string evaluationId, GradeRequest request, VotingHost voting) =>
        AppendAsync(evaluationId, voting, (season, evaluation) =>
        {
            var entry = EvaluationAwards.Grade(season, evaluation, request, out var problem);
            return (entry, problem);
        });

    private static async Task<Results<Ok<EvaluationEntryResponse>, ProblemHttpResult>> AppendAsync(
        string evaluationId, VotingHost voting,
        Func<KPops.Voting.Ballots.CompiledSeason, int, (LogEntry? Entry, ProblemHttpResult? Problem)> make)
    {
        BallotPipeline? pipeline = voting.Pipeline;
        if (pipeline is null || !pipeline.Season.TryGetEvaluation(evaluationId, out int evaluation))
        {
            return Problem.NotFound(ProblemCodes.EvaluationNotFound, $"The log's season has no evaluation '{evaluationId}'.");
        }

        var season = pipeline.Season;
        var (entry, problem) = make(season, evaluation);
        if (entry is null)
        {
            return problem!;
        }

        bool duplicate = false;
        EntryOutcome outcome = await pipeline.AppendAsync((VotingState state, out string? refusal) =>
        {
            refusal = EvaluationAwards.Duplicate(season, entry, state.Tallies.Results);
            duplicate = refusal is not null;
            return duplicate ? null : entry;
        });
        return outcome.Status switch
        {
            SubmitStatus.Accepted => TypedResults.Ok(Describe(season, entry, outcome)),
            SubmitStatus.Rejected when duplicate => Problem.Conflict(ProblemCodes.ResultAlreadyRecorded, $"Not recorded: {outcome.Problem}."),
            SubmitStatus.Rejected => Problem.Conflict(ProblemCodes.Conflict, $"The log refused the entry: {outcome.Problem}."),
            _ => Problem.Of(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable, "The vote log cannot take entries right now; retry."),
        };
    }

    private static EvaluationEntryResponse Describe(KPops.Voting.Ballots.CompiledSeason season, LogEntry entry, EntryOutcome outcome)
    {
        string checkpoint = Encoding.UTF8.GetString(outcome.Checkpoint!.Note.Span);
        if (entry is GradeEntered grade)
        {
            var evaluation = season.Season.Evaluations[grade.Evaluation];
            string letter = grade.Grade.ToString();
            return new EvaluationEntryResponse(evaluation.Id, season.TraineeId(grade.Trainee), letter,
                evaluation.Benefits.GetValueOrDefault(letter), null, entry.Kind.ToString(), outcome.Index, checkpoint);
        }

        var award = (EvaluationResultRecorded)entry;
        return new EvaluationEntryResponse(season.Season.Evaluations[award.Evaluation].Id, season.TraineeId(award.Trainee),
            award.Result, award.Value, award.Segment == EntryFormat.NoIndex ? null : season.SegmentIds[award.Segment],
            entry.Kind.ToString(), outcome.Index, checkpoint);
    }
}
