namespace KPops.Server.Live;

/// <summary>
/// The live counts at one instant, for producers only: every round's window and, per trainee, the votes counted so
/// far (picks × channel weight) in total and by voter segment. Consistent: all figures are of the same committed log.
/// </summary>
/// <param name="At">When the snapshot was taken.</param>
/// <param name="LogSize">Entries in the log the figures count.</param>
/// <param name="Rounds">Every round of the season, in season order.</param>
public sealed record LiveCountsSnapshot(DateTimeOffset At, long LogSize, IReadOnlyList<LiveRoundCounts> Rounds);

/// <param name="RoundId">The round.</param>
/// <param name="IsOpen">Whether it takes ballots now.</param>
/// <param name="ClosesAt">When it closes (or closed).</param>
/// <param name="BallotsCounted">Ballots counted in the round (accepted and not quarantined).</param>
/// <param name="Trainees">Eligible trainees and any trainee with votes, most votes first, then by id.</param>
public sealed record LiveRoundCounts(string RoundId, bool IsOpen, DateTimeOffset ClosesAt, long BallotsCounted, IReadOnlyList<LiveTraineeCount> Trainees);

/// <param name="TraineeId">The trainee.</param>
/// <param name="Total">Votes in the round over every segment and channel.</param>
/// <param name="BySegment">Votes by voter segment id (segments with votes only).</param>
public sealed record LiveTraineeCount(string TraineeId, long Total, IReadOnlyDictionary<string, long> BySegment);
