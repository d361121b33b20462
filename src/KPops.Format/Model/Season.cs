namespace KPops.Format.Model;

/// <summary>
/// A whole season's format as data: who competes, when fans vote and under which rule, what mentors award,
/// and how each announcement turns counts into a ranking. Loaded from a season file (JSON, see
/// <c>docs/season-format.md</c>) by <c>SeasonFile</c>, which also validates it.
/// </summary>
public sealed record Season
{
    /// <summary>Version of the season file format; this engine reads version 1.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>Stable identifier, e.g. <c>boys-planet</c>. Lowercase letters, digits and dashes.</summary>
    public required string Id { get; init; }

    public required LocalizedText Name { get; init; }

    /// <summary>IANA time zone whose calendar day is one voting period ("once a day" means a day here).</summary>
    public string TimeZone { get; init; } = "Asia/Seoul";

    /// <summary>Trainee groups where the format splits them (K / G in Boys Planet); empty when it does not.</summary>
    public IReadOnlyList<TraineeGroup> Groups { get; init; } = [];

    /// <summary>
    /// Voter segments whose counts are kept apart (Boys Planet's Korea / global; Eurovision's countries).
    /// Empty means one implicit segment, <see cref="Segment.Default"/>.
    /// </summary>
    public IReadOnlyList<Segment> Segments { get; init; } = [];

    public required IReadOnlyList<Trainee> Trainees { get; init; }

    public IReadOnlyList<Round> Rounds { get; init; } = [];

    public IReadOnlyList<Evaluation> Evaluations { get; init; } = [];

    /// <summary>Announcements in broadcast order; each may rank only the survivors of an earlier one.</summary>
    public IReadOnlyList<Announcement> Announcements { get; init; } = [];
}

/// <summary>Text shown in Korean and English.</summary>
public sealed record LocalizedText(string Ko, string En)
{
    public override string ToString() => En;
}

public sealed record TraineeGroup
{
    public required string Id { get; init; }
    public required LocalizedText Name { get; init; }
}

public sealed record Segment
{
    /// <summary>The segment a ballot belongs to when a season defines none.</summary>
    public const string Default = "all";

    public required string Id { get; init; }
    public required LocalizedText Name { get; init; }
}
