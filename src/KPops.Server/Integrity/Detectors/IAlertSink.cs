namespace KPops.Server.Integrity.Detectors;

/// <summary>Where detectors send what they find; <see cref="AlertStore"/> merges repeated reports into one alert.</summary>
public interface IAlertSink
{
    /// <summary>
    /// Reports ballots that meet a detector's condition. Reports with the same detector, source and round extend the
    /// open alert for them (ballots already listed are ignored) instead of raising a new one.
    /// </summary>
    void Report(string detector, string source, ushort round, string explanation, ReadOnlySpan<ObservedBallot> ballots);
}
