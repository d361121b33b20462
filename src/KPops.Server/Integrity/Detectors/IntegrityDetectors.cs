namespace KPops.Server.Integrity.Detectors;

/// <summary>All streaming detectors, fed the same ballots in log order from one thread.</summary>
public sealed class IntegrityDetectors
{
    private readonly IBallotDetector[] _detectors;

    public IntegrityDetectors(IntegrityOptions options, IAlertSink sink)
    {
        ArgumentNullException.ThrowIfNull(options);
        _detectors =
        [
            new NetworkBurstDetector(options.NetworkBurst, options.MaxTrackedKeys, sink),
            new DeviceBurstDetector(options.DeviceBurst, options.MaxTrackedKeys, sink),
            new NewAccountCohortDetector(options.Cohort, options.MaxTrackedKeys, sink),
            new RegularTimingDetector(options.RegularTiming, options.MaxTrackedKeys, sink),
        ];
    }

    /// <summary>Ballots observed so far.</summary>
    public long Observed { get; private set; }

    /// <summary>Ballots some detector could not follow because its table of keys was full (bounded memory at work).</summary>
    public long Untracked => _detectors.Sum(d => d.Untracked);

    public void Observe(in ObservedBallot ballot)
    {
        Observed++;
        foreach (var detector in _detectors)
        {
            detector.Observe(ballot);
        }
    }
}
