namespace KPops.Server.Integrity.Detectors;

/// <summary>A streaming detector: sees every accepted ballot once, in log order, on one thread.</summary>
internal interface IBallotDetector
{
    void Observe(in ObservedBallot ballot);

    /// <summary>Ballots whose key the detector could not track because its table was full.</summary>
    long Untracked { get; }
}
