using KPops.Voting.Entries;

namespace KPops.Server.Integrity.Detectors;

/// <summary>
/// Many accounts on one device: at least <see cref="DeviceBurstOptions.MaxVoters"/> distinct voters casting ballots
/// in one round from one device id (<c>X-KPops-Device</c>) within <see cref="DeviceBurstOptions.WindowSeconds"/> —
/// Produce 101's multi-ID abuse, one phone cycling through bought accounts.
/// </summary>
internal sealed class DeviceBurstDetector(DeviceBurstOptions options, int maxKeys, IAlertSink sink) : IBallotDetector
{
    // A device's window keeps enough ballots to see MaxVoters voters even if each also votes a few times.
    private readonly long _windowMs = options.WindowSeconds * 1000L;
    private readonly KeyedStates<(ushort, ulong), SightingWindow> _devices =
        new(maxKeys, options.WindowSeconds * 1000L, () => new SightingWindow(Math.Max(64, options.MaxVoters * 4)));

    public long Untracked => _devices.Untracked;

    public void Observe(in ObservedBallot ballot)
    {
        if (ballot.Device == 0 || _devices.GetOrAdd((ballot.Round, ballot.Device), ballot.TimeMs) is not { } window)
        {
            return;
        }

        window.Add(ballot, _windowMs);
        var voters = DistinctVoters(window);
        if (voters < options.MaxVoters)
        {
            window.Hot = false;
            return;
        }

        var source = DeviceLabel(ballot.Device);
        var explanation = $"{voters} different accounts voted from one device ({source}) within {options.WindowSeconds} s (threshold {options.MaxVoters}).";
        sink.Report(DetectorCodes.DeviceBurst, source, ballot.Round, explanation, window.Hot ? [ballot] : window.ToArray());
        window.Hot = true;
    }

    /// <summary>The device hash as staff see it: enough to tell devices apart, not the id the fan site set.</summary>
    public static string DeviceLabel(ulong device) => $"device {device:x16}";

    private static int DistinctVoters(SightingWindow window)
    {
        var seen = new HashSet<VoterPseudonym>();
        foreach (var ballot in window.Ballots)
        {
            seen.Add(ballot.Voter);
        }

        return seen.Count;
    }
}
