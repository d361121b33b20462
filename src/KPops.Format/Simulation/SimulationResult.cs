using KPops.Format.Ranking;

namespace KPops.Format.Simulation;

/// <summary>A simulated season: the counts it produced and every announcement ranked from them, in broadcast order.</summary>
public sealed record SimulationResult(
    ISeasonCounts Counts,
    IReadOnlyList<AnnouncementResult> Announcements,
    IReadOnlyList<RoundTurnout> Rounds);
