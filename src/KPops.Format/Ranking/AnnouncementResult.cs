namespace KPops.Format.Ranking;

public enum SeatStatus
{
    /// <summary>Ranked within the cut line.</summary>
    Survived,

    /// <summary>Below the cut line and given no special seat.</summary>
    Eliminated,

    /// <summary>Given a special seat from below the cut line (e.g. Produce X 101's "X").</summary>
    SpecialSeat,
}

/// <summary>One column of a trainee's score: the counted value and what it contributed after conversion and weight.</summary>
public sealed record SourceContribution(string Label, decimal Counted, decimal Points);

/// <summary>A trainee's place in an announcement, with the breakdown that explains it.</summary>
public sealed record RankedTrainee
{
    /// <summary>1-based final rank (special seats are placed right after the cut line).</summary>
    public required int Rank { get; init; }
    public required string Trainee { get; init; }
    public required decimal Score { get; init; }
    public required IReadOnlyList<SourceContribution> Breakdown { get; init; }
    public required SeatStatus Status { get; init; }

    /// <summary>The special seat's label when <see cref="Status"/> is <see cref="SeatStatus.SpecialSeat"/>.</summary>
    public string? Seat { get; init; }

    /// <summary>Which tie-break rule decided this trainee's order against an equal score, if any.</summary>
    public string? TieBrokenBy { get; init; }
}

public sealed record AnnouncementResult(string Announcement, IReadOnlyList<RankedTrainee> Ranking)
{
    /// <summary>Everyone who goes on: survivors plus special seats.</summary>
    public IEnumerable<string> Survivors =>
        Ranking.Where(r => r.Status != SeatStatus.Eliminated).Select(r => r.Trainee);
}
