using KPops.Voting.Entries;

namespace KPops.Server.Integrity;

/// <summary>Where a staff review of an alert stands. Nothing is deleted either way: quarantined ballots stay in the log.</summary>
public enum AlertStatus
{
    Open,
    Quarantined,
    Dismissed,
}

/// <summary>The stable codes of the detectors.</summary>
public static class DetectorCodes
{
    public const string NetworkBurst = "network-burst";
    public const string DeviceBurst = "device-burst";
    public const string NewAccountCohort = "new-account-cohort";
    public const string RegularTiming = "regular-timing";
}

/// <summary>
/// One finding of a detector, kept for staff review. It names ballots by log index and voters by pseudonym; the
/// network prefix or device hash in <see cref="Source"/> is staff-only and never copied into the log.
/// </summary>
public sealed class IntegrityAlert
{
    /// <summary>Ballots (and voters) listed at most per alert: one quarantine entry can list this many.</summary>
    public const int MaxListed = QuarantineEntry.MaxListedEntries;

    private readonly List<long> _indices = [];
    private readonly HashSet<long> _listed = [];
    private readonly List<VoterPseudonym> _voters = [];
    private readonly HashSet<VoterPseudonym> _voterSet = [];

    internal IntegrityAlert(string id, string detector, string source, ushort round, string explanation, long firstSeenMs)
    {
        Id = id;
        Detector = detector;
        Source = source;
        Round = round;
        Explanation = explanation;
        FirstSeenMs = firstSeenMs;
        LastSeenMs = firstSeenMs;
    }

    public string Id { get; }

    /// <summary>A <see cref="DetectorCodes"/> value.</summary>
    public string Detector { get; }

    /// <summary>What the ballots had in common: a network prefix, a device hash, a creation minute, a voter (staff only).</summary>
    public string Source { get; }

    public ushort Round { get; }

    public string Explanation { get; internal set; }

    public long FirstSeenMs { get; private set; }

    public long LastSeenMs { get; private set; }

    /// <summary>Ballots the detector attributed to this alert, including any beyond <see cref="MaxListed"/>.</summary>
    public long BallotCount { get; private set; }

    public AlertStatus Status { get; internal set; }

    /// <summary>Who decided (staff account id), why, and the quarantine entries appended.</summary>
    public AlertDecision? Decision { get; internal set; }

    /// <summary>Log indices of the ballots, in the order seen (at most <see cref="MaxListed"/>).</summary>
    public IReadOnlyList<long> Indices => _indices;

    public IReadOnlyList<VoterPseudonym> Voters => _voters;

    /// <summary>An alert as it was stored before a restart: its ballots, voters, counts and decision.</summary>
    internal static IntegrityAlert Restore(AlertSnapshot stored)
    {
        var alert = new IntegrityAlert(stored.Id, stored.Detector, stored.Source, stored.Round, stored.Explanation, stored.FirstSeenMs)
        {
            LastSeenMs = stored.LastSeenMs,
            BallotCount = stored.BallotCount,
            Status = stored.Status,
            Decision = stored.Decision,
        };
        foreach (var index in stored.Indices)
        {
            alert._indices.Add(index);
            alert._listed.Add(index);
        }

        foreach (var voter in stored.Voters)
        {
            if (alert._voterSet.Add(voter))
            {
                alert._voters.Add(voter);
            }
        }

        return alert;
    }

    internal void Add(in ObservedBallot ballot)
    {
        if (!_listed.Add(ballot.LogIndex))
        {
            return;
        }

        BallotCount++;
        FirstSeenMs = Math.Min(FirstSeenMs, ballot.TimeMs);
        LastSeenMs = Math.Max(LastSeenMs, ballot.TimeMs);
        if (_indices.Count < MaxListed)
        {
            _indices.Add(ballot.LogIndex);
        }
        else
        {
            // Past the listing cap only the count grows; the set must not keep growing either.
            _listed.Remove(ballot.LogIndex);
        }

        if (_voters.Count < MaxListed && _voterSet.Add(ballot.Voter))
        {
            _voters.Add(ballot.Voter);
        }
    }
}

/// <summary>A staff decision on an alert.</summary>
/// <param name="By">The staff account id that decided.</param>
/// <param name="AtMs">When (Unix ms).</param>
/// <param name="Reason">The quarantine reason, or null for a dismissal.</param>
/// <param name="Note">The reviewer's note.</param>
/// <param name="QuarantineEntries">Log indices of the quarantine entries appended.</param>
public sealed record AlertDecision(string By, long AtMs, QuarantineReason? Reason, string Note, IReadOnlyList<long> QuarantineEntries);
