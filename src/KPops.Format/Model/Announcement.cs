namespace KPops.Format.Model;

/// <summary>
/// A ranking ceremony: which trainees are ranked, how their score is computed from sources, where the cut
/// line falls, which special seats exist and how ties break.
/// </summary>
public sealed record Announcement
{
    public required string Id { get; init; }
    public required LocalizedText Name { get; init; }

    /// <summary>When it airs (informational; counts are frozen by the rounds' close instants).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Who is ranked.</summary>
    public Eligibility Pool { get; init; } = new();

    /// <summary>Score = Σ over sources of weight × converted value. Each source is one breakdown column.</summary>
    public required IReadOnlyList<ScoreSource> Sources { get; init; }

    /// <summary>How many trainees survive by rank (the debut line-up's size at a finale). Null = everyone survives.</summary>
    public int? CutLine { get; init; }

    /// <summary>Seats filled after the cut line from those below it.</summary>
    public IReadOnlyList<SpecialSeat> SpecialSeats { get; init; } = [];

    /// <summary>Tie-break rules applied in order; trainee id order is always the last resort.</summary>
    public IReadOnlyList<TieBreak> TieBreak { get; init; } = [];

    /// <summary>Marks the finale (debut line-up).</summary>
    public bool IsFinale { get; init; }
}

public enum SourceKind
{
    /// <summary>Votes cast in the given rounds (optionally one segment / channel).</summary>
    Votes,

    /// <summary>Benefit votes or points from evaluation results.</summary>
    Evaluations,

    /// <summary>
    /// Eurovision-style: within each segment, trainees are ranked by votes in the given rounds and the
    /// top ones receive <see cref="ScoreSource.Points"/> (12, 10, 8…1).
    /// </summary>
    SegmentPoints,
}

public enum Conversion
{
    /// <summary>The value as counted.</summary>
    Raw,

    /// <summary>
    /// The trainee's fraction of the source's total among the ranked pool, times <see cref="ScoreSource.Scale"/>
    /// (Boys Planet: 50 % from the Korean share, 50 % from the global share).
    /// </summary>
    Share,
}

public sealed record ScoreSource
{
    /// <summary>Column name in the breakdown, e.g. <c>online</c>, <c>benefits</c>, <c>korea</c>.</summary>
    public required string Label { get; init; }

    public SourceKind Kind { get; init; } = SourceKind.Votes;
    public IReadOnlyList<string> Rounds { get; init; } = [];
    public IReadOnlyList<string> Evaluations { get; init; } = [];

    /// <summary>Only this segment's votes; null = all segments.</summary>
    public string? Segment { get; init; }

    /// <summary>Only this channel's votes; null = all channels.</summary>
    public string? Channel { get; init; }

    public decimal Weight { get; init; } = 1m;
    public Conversion Conversion { get; init; } = Conversion.Raw;

    /// <summary>Multiplier applied to shares so that scores read as points (e.g. 100 for percent).</summary>
    public decimal Scale { get; init; } = 1m;

    /// <summary>Points for 1st, 2nd, … place within a segment (only for <see cref="SourceKind.SegmentPoints"/>).</summary>
    public IReadOnlyList<int> Points { get; init; } = [];
}

public enum SpecialSeatKind
{
    /// <summary>The highest scorer by <see cref="SpecialSeat.Sources"/> among those below the cut (Produce X 101's "X").</summary>
    HighestBelowCut,

    /// <summary>Trainees with a result in <see cref="SpecialSeat.Evaluation"/> (I-LAND's producers' pick).</summary>
    EvaluationPick,
}

public sealed record SpecialSeat
{
    public required string Label { get; init; }
    public SpecialSeatKind Kind { get; init; } = SpecialSeatKind.HighestBelowCut;
    public int Count { get; init; } = 1;

    /// <summary>For <see cref="SpecialSeatKind.HighestBelowCut"/>: the score used to choose (e.g. all rounds' votes).</summary>
    public IReadOnlyList<ScoreSource> Sources { get; init; } = [];

    /// <summary>For <see cref="SpecialSeatKind.EvaluationPick"/>: the evaluation recording the pick.</summary>
    public string? Evaluation { get; init; }
}

public enum TieBreakKind
{
    /// <summary>Higher value in the named source wins (Eurovision: televote points).</summary>
    Source,

    /// <summary>Better rank in the named earlier announcement wins.</summary>
    PreviousRank,
}

public sealed record TieBreak
{
    public required TieBreakKind Kind { get; init; }

    /// <summary>Source label (for Source) or announcement id (for PreviousRank).</summary>
    public required string Ref { get; init; }
}
