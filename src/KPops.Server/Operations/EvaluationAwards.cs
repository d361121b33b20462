using KPops.Format.Model;
using KPops.Format.Ranking;
using KPops.Server.Problems;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KPops.Server.Operations;

/// <summary>
/// Turns an award or a grade into the log entry that records it, checked against the season's evaluation
/// definition, so that what the log holds is exactly what the recount and the ranking engine read: the value of a
/// benefit comes from the season's table, never from the request.
/// </summary>
internal static class EvaluationAwards
{
    /// <summary>Longest result key accepted for points evaluations (their keys are free when the season lists none).</summary>
    public const int MaxResultLength = 64;

    public const string PickResult = "pick";

    public static EvaluationResultRecorded? Result(
        CompiledSeason season, int evaluation, EvaluationResultRequest request, out ProblemHttpResult? problem)
    {
        var definition = season.Season.Evaluations[evaluation];
        if (!TryTrainee(season, request.TraineeId, out int trainee, out problem))
        {
            return null;
        }

        switch (definition.Kind)
        {
            case EvaluationKind.Grade:
                problem = Problem.BadRequest(ProblemCodes.EvaluationKindMismatch,
                    $"'{definition.Id}' is a grade evaluation: mentors enter its grades at /api/evaluations/{definition.Id}/grades.");
                return null;
            case EvaluationKind.Points:
                return Points(season, evaluation, trainee, request, out problem);
            default:
                if (request.Segment is not null)
                {
                    problem = Problem.BadRequest(ProblemCodes.BadRequest, $"A {Kind(definition)} result has no segment; only points evaluations do.");
                    return null;
                }

                string key = definition.Kind == EvaluationKind.Pick ? request.Result ?? PickResult : request.Result ?? "";
                bool known = definition.Kind == EvaluationKind.Pick ? key == PickResult : definition.Benefits.ContainsKey(key);
                if (!known)
                {
                    problem = UnknownResult(definition, key);
                    return null;
                }

                long value = definition.Benefits.GetValueOrDefault(key);
                return ValueMatches(request.Value, value, key, out problem)
                    ? new EvaluationResultRecorded((ushort)evaluation, (ushort)trainee, key, value)
                    : null;
        }
    }

    public static GradeEntered? Grade(CompiledSeason season, int evaluation, GradeRequest request, out ProblemHttpResult? problem)
    {
        var definition = season.Season.Evaluations[evaluation];
        if (definition.Kind != EvaluationKind.Grade)
        {
            problem = Problem.BadRequest(ProblemCodes.EvaluationKindMismatch,
                $"'{definition.Id}' is a {Kind(definition)} evaluation, not a grade evaluation: producers record its results at /api/evaluations/{definition.Id}/results.");
            return null;
        }

        if (!TryTrainee(season, request.TraineeId, out int trainee, out problem))
        {
            return null;
        }

        string? grade = request.Grade?.Trim();
        if (grade is not { Length: 1 } || !GradeEntered.IsGrade(char.ToUpperInvariant(grade[0])))
        {
            problem = Problem.BadRequest(ProblemCodes.InvalidGrade, "A grade is one letter from A to F.");
            return null;
        }

        return new GradeEntered((ushort)evaluation, (ushort)trainee, char.ToUpperInvariant(grade[0]));
    }

    /// <summary>
    /// Why <paramref name="entry"/> may not be recorded on top of <paramref name="recorded"/>, or null: a trainee gets
    /// one grade per grade evaluation, one award per segment's jury in a points evaluation, and each benefit or pick
    /// once — a second identical award would count twice in every ranking.
    /// </summary>
    public static string? Duplicate(CompiledSeason season, LogEntry entry, IReadOnlyList<EvaluationResult> recorded)
    {
        (ushort evaluation, ushort trainee, string? result, string? segment) = entry switch
        {
            GradeEntered grade => (grade.Evaluation, grade.Trainee, (string?)null, (string?)null),
            EvaluationResultRecorded award => (award.Evaluation, award.Trainee,
                season.Season.Evaluations[award.Evaluation].Kind == EvaluationKind.Mission ? award.Result : null,
                award.Segment == EntryFormat.NoIndex ? null : season.SegmentIds[award.Segment]),
            _ => throw new ArgumentException("Not an evaluation entry.", nameof(entry)),
        };
        string evaluationId = season.Season.Evaluations[evaluation].Id;
        string traineeId = season.TraineeId(trainee);
        foreach (var earlier in recorded)
        {
            if (earlier.Evaluation == evaluationId && earlier.Trainee == traineeId
                && (result is null || earlier.Result == result) && earlier.Segment == segment)
            {
                return entry is GradeEntered
                    ? $"trainee '{traineeId}' already has grade {earlier.Result} in '{evaluationId}'"
                    : $"trainee '{traineeId}' already has result '{earlier.Result}' in '{evaluationId}'{(segment is null ? "" : $" from segment '{segment}'")}";
            }
        }

        return null;
    }

    private static EvaluationResultRecorded? Points(
        CompiledSeason season, int evaluation, int trainee, EvaluationResultRequest request, out ProblemHttpResult? problem)
    {
        var definition = season.Season.Evaluations[evaluation];
        int segment;
        if (request.Segment is null && season.SegmentCount == 1)
        {
            segment = 0;
        }
        else if (request.Segment is null || !season.TryGetSegment(request.Segment, out segment))
        {
            problem = Problem.BadRequest(ProblemCodes.UnknownSegment,
                $"A points award names the awarding segment, one of: {string.Join(", ", season.SegmentIds)}.");
            return null;
        }

        if (season.HomeSegmentOf(trainee) == segment)
        {
            problem = Problem.BadRequest(ProblemCodes.BadRequest,
                $"Segment '{season.SegmentIds[segment]}' cannot give points to its own entry '{season.TraineeId(trainee)}'.");
            return null;
        }

        string key = request.Result?.Trim() ?? "";
        long value;
        if (definition.Benefits.Count > 0)
        {
            if (!definition.Benefits.TryGetValue(key, out value))
            {
                problem = UnknownResult(definition, key);
                return null;
            }

            if (!ValueMatches(request.Value, value, key, out problem))
            {
                return null;
            }
        }
        else if (key.Length is 0 or > MaxResultLength || request.Value is not >= 0)
        {
            problem = Problem.BadRequest(ProblemCodes.BadRequest,
                $"'{definition.Id}' lists no point values: give a result (1 to {MaxResultLength} characters, e.g. \"12\") and its value (≥ 0).");
            return null;
        }
        else
        {
            value = request.Value.Value;
        }

        problem = null;
        return new EvaluationResultRecorded((ushort)evaluation, (ushort)trainee, key, value, (ushort)segment);
    }

    private static bool TryTrainee(CompiledSeason season, string? traineeId, out int trainee, out ProblemHttpResult? problem)
    {
        problem = null;
        if (traineeId is not null && season.TryGetTrainee(traineeId, out trainee))
        {
            return true;
        }

        trainee = -1;
        problem = Problem.BadRequest(ProblemCodes.UnknownTrainee, $"The season has no trainee '{traineeId}'.");
        return false;
    }

    private static bool ValueMatches(long? given, long value, string key, out ProblemHttpResult? problem)
    {
        problem = given is { } claimed && claimed != value
            ? Problem.BadRequest(ProblemCodes.ResultValueMismatch, $"'{key}' is worth {value} in the season file, not {claimed}; omit the value.")
            : null;
        return problem is null;
    }

    private static ProblemHttpResult UnknownResult(Evaluation definition, string key) =>
        Problem.BadRequest(ProblemCodes.UnknownResult, definition.Kind == EvaluationKind.Pick
            ? $"'{definition.Id}' is a producers' pick: its only result is '{PickResult}'."
            : $"'{definition.Id}' has no result '{key}'; it awards: {string.Join(", ", definition.Benefits.Keys)}.");

    private static string Kind(Evaluation definition) => definition.Kind.ToString().ToLowerInvariant();
}
