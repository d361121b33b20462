namespace KPops.Format.Model;

public enum EvaluationKind
{
    /// <summary>Mentors grade trainees A–F (level evaluations). Grades may also carry benefits.</summary>
    Grade,

    /// <summary>A mission whose results earn benefit votes, e.g. "winning team member: +3,000".</summary>
    Mission,

    /// <summary>
    /// Points given directly per segment (a Eurovision national jury's 12, 10, 8…1): each award carries
    /// its own value and segment.
    /// </summary>
    Points,

    /// <summary>The producers choose trainees for a special seat (I-LAND's producers' pick).</summary>
    Pick,
}

/// <summary>An evaluation or mission and the benefit votes each result earns.</summary>
public sealed record Evaluation
{
    public required string Id { get; init; }
    public required LocalizedText Name { get; init; }
    public EvaluationKind Kind { get; init; } = EvaluationKind.Mission;

    /// <summary>Benefit votes per result key, e.g. <c>{ "groupWin": 3000, "songFirst": 10000 }</c>.</summary>
    public IReadOnlyDictionary<string, long> Benefits { get; init; } = new Dictionary<string, long>();
}

/// <summary>A recorded evaluation result for one trainee (what the vote log stores as an award).</summary>
/// <param name="Evaluation">The evaluation id.</param>
/// <param name="Trainee">The trainee id.</param>
/// <param name="Result">A benefit key, a grade letter A–F, or "pick".</param>
/// <param name="Value">Points counted for the trainee: the benefit for <paramref name="Result"/>, or the given points.</param>
/// <param name="Segment">For <see cref="EvaluationKind.Points"/>, the segment that gave the points.</param>
public sealed record EvaluationResult(string Evaluation, string Trainee, string Result, long Value, string? Segment = null);
