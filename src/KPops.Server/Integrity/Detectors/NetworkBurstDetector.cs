namespace KPops.Server.Integrity.Detectors;

/// <summary>
/// Bursts from one client network: at least <see cref="NetworkBurstOptions.MaxBallots"/> accepted ballots of one
/// round from one /24 (IPv4) or /48 (IPv6) within <see cref="NetworkBurstOptions.WindowSeconds"/>. One household
/// or a campus behind NAT votes a few times a minute; a bot farm on rented addresses votes hundreds of times.
/// </summary>
internal sealed class NetworkBurstDetector(NetworkBurstOptions options, int maxKeys, IAlertSink sink) : IBallotDetector
{
    private readonly long _windowMs = options.WindowSeconds * 1000L;
    private readonly KeyedStates<(ushort, NetworkPrefix), SightingWindow> _networks =
        new(maxKeys, options.WindowSeconds * 1000L, () => new SightingWindow(options.MaxBallots));

    public long Untracked => _networks.Untracked;

    public void Observe(in ObservedBallot ballot)
    {
        if (ballot.Network.IsNone || _networks.GetOrAdd((ballot.Round, ballot.Network), ballot.TimeMs) is not { } window)
        {
            return;
        }

        window.Add(ballot, _windowMs);
        if (window.Count < options.MaxBallots)
        {
            window.Hot = false;
            return;
        }

        // The window holds at most MaxBallots ballots, so a key at the threshold always reads the same: formatted once,
        // not again for every ballot of a burst that goes on.
        var (source, explanation) = window.Report ??= (ballot.Network.ToString(),
            $"{window.Count} or more ballots from network {ballot.Network} within {options.WindowSeconds} s (threshold {options.MaxBallots}).");
        sink.Report(DetectorCodes.NetworkBurst, source, ballot.Round, explanation, window.Hot ? [ballot] : window.ToArray());
        window.Hot = true;
    }
}
