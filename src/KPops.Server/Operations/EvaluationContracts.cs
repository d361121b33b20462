namespace KPops.Server.Operations;

/// <summary>
/// An evaluation result for a trainee (<c>POST /api/evaluations/{evaluationId}/results</c>): a benefit key of a
/// mission, <c>pick</c> for a producers' pick, or for a points evaluation the awarded key with its value and the
/// awarding segment.
/// </summary>
public sealed record EvaluationResultRequest(string? TraineeId, string? Result, long? Value, string? Segment);

/// <summary>A mentor's grade A–F for a trainee (<c>POST /api/evaluations/{evaluationId}/grades</c>).</summary>
public sealed record GradeRequest(string? TraineeId, string? Grade);

/// <summary>The entry an evaluation result or grade became: what it counts for, its index and the checkpoint covering it.</summary>
public sealed record EvaluationEntryResponse(
    string EvaluationId, string TraineeId, string Result, long Value, string? Segment, string Entry, long Index, string Checkpoint);
