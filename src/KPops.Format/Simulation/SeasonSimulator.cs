using KPops.Format.Model;
using KPops.Format.Ranking;

namespace KPops.Format.Simulation;

/// <summary>
/// Plays a whole season with synthetic fans, mentors and juries, announcement by announcement: simulates the
/// rounds that feed it (only eligible trainees can be picked, so eliminated ones get no later votes), judges
/// the evaluations it counts, ranks it with <see cref="RankingEngine"/>, and lets its survivors carry into
/// the next rounds. Deterministic: the same season, fans and seed give the same counts and rankings.
/// </summary>
public static class SeasonSimulator
{
    public static SimulationResult Run(Season season, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(season);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Fans);
        return new SeasonRun(season, options).Run();
    }
}
