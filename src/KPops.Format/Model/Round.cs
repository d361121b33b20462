namespace KPops.Format.Model;

/// <summary>One voting window with its ballot rule.</summary>
public sealed record Round
{
    public required string Id { get; init; }
    public required LocalizedText Name { get; init; }
    public required DateTimeOffset OpensAt { get; init; }
    public required DateTimeOffset ClosesAt { get; init; }

    /// <summary>Who may be picked in this round.</summary>
    public Eligibility Eligible { get; init; } = new();

    public required BallotRule Ballot { get; init; }
}

/// <summary>
/// The trainees a round or announcement covers: every trainee, the survivors of an earlier announcement,
/// or an explicit list — plus any explicitly added (a revived trainee) and minus any explicitly removed.
/// </summary>
public sealed record Eligibility
{
    /// <summary>Id of an announcement whose survivors (including special seats) are eligible; null = all trainees.</summary>
    public string? SurvivorsOf { get; init; }

    /// <summary>An explicit list; when set it replaces <see cref="SurvivorsOf"/>.</summary>
    public IReadOnlyList<string>? Trainees { get; init; }

    public IReadOnlyList<string> Add { get; init; } = [];
    public IReadOnlyList<string> Remove { get; init; } = [];
}

public enum PeriodKind
{
    /// <summary>A calendar day in the season's time zone.</summary>
    Day,

    /// <summary>The whole round.</summary>
    Round,
}

/// <summary>What one ballot may contain and how often an account may cast one.</summary>
public sealed record BallotRule
{
    public int MinPicks { get; init; } = 1;
    public required int MaxPicks { get; init; }

    /// <summary>When true a ballot may not name the same trainee twice.</summary>
    public bool Distinct { get; init; } = true;

    /// <summary>Per-group pick limits, e.g. "at least one from each group".</summary>
    public IReadOnlyList<GroupConstraint> GroupConstraints { get; init; } = [];

    /// <summary>Ballots one account may cast per period (per channel, unless the channel sets its own cap).</summary>
    public int BallotsPerPeriod { get; init; } = 1;

    public PeriodKind Period { get; init; } = PeriodKind.Day;

    /// <summary>
    /// Cap on votes one account may give one trainee per period and channel (American Idol: 10 per
    /// contestant per method). Null = no cap beyond the ballot count.
    /// </summary>
    public int? MaxVotesPerTrainee { get; init; }

    /// <summary>When true a ballot from segment S may not pick a trainee whose home segment is S.</summary>
    public bool ExcludeOwnSegment { get; init; }

    /// <summary>Channels ballots may arrive through; empty means one implicit channel <see cref="Channel.Default"/>.</summary>
    public IReadOnlyList<Channel> Channels { get; init; } = [];
}

public sealed record GroupConstraint
{
    public required string Group { get; init; }
    public int Min { get; init; }
    public int? Max { get; init; }
}

/// <summary>A way ballots arrive (web, app, SMS) with its own cap and weight.</summary>
public sealed record Channel
{
    public const string Default = "web";

    public required string Id { get; init; }

    /// <summary>Overrides <see cref="BallotRule.BallotsPerPeriod"/> for this channel.</summary>
    public int? BallotsPerPeriod { get; init; }

    /// <summary>Votes each pick counts for (Produce 48: one text message counted as 7 votes).</summary>
    public int VotesPerPick { get; init; } = 1;
}
