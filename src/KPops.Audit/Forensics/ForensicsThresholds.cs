namespace KPops.Audit.Forensics;

/// <summary>
/// The thresholds of the tally forensics. The defaults were calibrated on simulated honest announcements
/// (tests/KPops.Audit.Tests/ForensicsCalibrationTests.cs; docs/audit.md gives the measured rates): each test
/// fires only when its chance estimate is at most <see cref="Alpha"/>, which keeps the false-alarm rate of all
/// four tests together well under 1 % per announcement.
/// </summary>
public sealed record ForensicsThresholds
{
    /// <summary>A test reports a pattern only when honest counting would show it with at most this chance.</summary>
    public double Alpha { get; init; } = 1e-3;

    /// <summary>
    /// How far (in votes) a count may sit from a multiple of a quantum and still count as on it: published
    /// counts are whole numbers, so a fabricated q × m is rounded by up to half a vote.
    /// </summary>
    public double RoundingTolerance { get; init; } = 1.0;

    /// <summary>A quantum below this many votes is never reported: small quanta fit anything.</summary>
    public double MinimumQuantum { get; init; } = 10;

    /// <summary>
    /// The width, as a fraction of the values compared, of the window within which near-coincidences are
    /// counted to estimate how often exact ones happen by chance (repeated gaps; sums of other counts use a
    /// fifth of it, because counts are denser than gaps).
    /// </summary>
    public double CoincidenceWindow { get; init; } = 0.25;

    /// <summary>
    /// Gaps and counts below this many votes are left out of the coincidence tests: small whole numbers
    /// coincide all the time (a gap of 1 vote repeats dozens of times in an honest small round).
    /// </summary>
    public long MinimumCoincidenceValue { get; init; } = 100;

    /// <summary>Counts needed before any test says anything.</summary>
    public int MinimumCounts { get; init; } = 4;

    public static ForensicsThresholds Default { get; } = new();
}
