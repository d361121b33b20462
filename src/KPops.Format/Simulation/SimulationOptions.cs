namespace KPops.Format.Simulation;

/// <summary>How big a simulated season is and which random numbers drive it.</summary>
public sealed record SimulationOptions
{
    /// <summary>National producers taking part (each votes on some days of each round). Must be positive.</summary>
    public int Fans { get; init; } = 10_000;

    /// <summary>The same seed and season always produce the same counts and rankings.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Called from the simulating thread as the work advances; for progress bars.</summary>
    public Action<SimulationProgress>? Progress { get; init; }
}

/// <summary>Where a simulation is: the step being done and the fraction of the whole run completed (0–1).</summary>
public readonly record struct SimulationProgress(string Step, double Fraction);
