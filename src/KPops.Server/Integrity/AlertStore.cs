using System.Globalization;
using KPops.Server.Integrity.Detectors;
using Microsoft.Extensions.Options;

namespace KPops.Server.Integrity;

/// <summary>
/// The alerts awaiting or past staff review, in memory (they are a review queue, not a record: the record of a
/// decision is the quarantine entry in the log). Repeated reports for the same detector, source and round extend
/// one open alert. At most <see cref="IntegrityOptions.MaxAlerts"/> are kept; decided ones are forgotten first.
/// </summary>
public sealed class AlertStore(IOptions<IntegrityOptions> options, TimeProvider time) : IAlertSink
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IntegrityAlert> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Detector, string Source, ushort Round), IntegrityAlert> _open = [];
    private readonly LinkedList<IntegrityAlert> _order = new();
    private readonly HashSet<string> _deciding = new(StringComparer.Ordinal);
    private long _sequence;

    public void Report(string detector, string source, ushort round, string explanation, ReadOnlySpan<ObservedBallot> ballots)
    {
        lock (_gate)
        {
            if (!_open.TryGetValue((detector, source, round), out var alert))
            {
                var id = "alert-" + (++_sequence).ToString(CultureInfo.InvariantCulture);
                alert = new IntegrityAlert(id, detector, source, round, explanation, ballots.Length > 0 ? ballots[0].TimeMs : time.GetUtcNow().ToUnixTimeMilliseconds());
                _open.Add((detector, source, round), alert);
                _byId.Add(id, alert);
                _order.AddLast(alert);
                Trim();
            }

            alert.Explanation = explanation;
            foreach (ref readonly var ballot in ballots)
            {
                alert.Add(ballot);
            }
        }
    }

    /// <summary>Snapshots of the alerts, newest first, optionally only those with one status.</summary>
    public IReadOnlyList<AlertSnapshot> List(AlertStatus? status = null)
    {
        lock (_gate)
        {
            var result = new List<AlertSnapshot>();
            for (var node = _order.Last; node is not null; node = node.Previous)
            {
                if (status is null || node.Value.Status == status)
                {
                    result.Add(AlertSnapshot.Of(node.Value));
                }
            }

            return result;
        }
    }

    public AlertSnapshot? Find(string id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var alert) ? AlertSnapshot.Of(alert) : null;
        }
    }

    /// <summary>
    /// Takes an open alert for a decision, so two reviewers cannot both act on it; the alert stops collecting
    /// ballots (later activity opens a new alert). Null when it does not exist; <paramref name="open"/> false when it
    /// is already decided or being decided.
    /// </summary>
    public AlertSnapshot? TryClaim(string id, out bool open)
    {
        lock (_gate)
        {
            open = false;
            if (!_byId.TryGetValue(id, out var alert))
            {
                return null;
            }

            open = alert.Status == AlertStatus.Open && _deciding.Add(id);
            if (open)
            {
                _open.Remove((alert.Detector, alert.Source, alert.Round));
            }

            return AlertSnapshot.Of(alert);
        }
    }

    /// <summary>Records the decision on a claimed alert, or (decision null) hands it back to review.</summary>
    public AlertSnapshot? Complete(string id, AlertStatus status, AlertDecision? decision)
    {
        lock (_gate)
        {
            _deciding.Remove(id);
            if (!_byId.TryGetValue(id, out var alert))
            {
                return null;
            }

            if (decision is not null)
            {
                alert.Status = status;
                alert.Decision = decision;
            }

            return AlertSnapshot.Of(alert);
        }
    }

    private void Trim()
    {
        var max = options.Value.MaxAlerts;
        for (var node = _order.First; node is not null && _order.Count > max;)
        {
            var next = node.Next;
            if (node.Value.Status != AlertStatus.Open)
            {
                _byId.Remove(node.Value.Id);
                _order.Remove(node);
            }

            node = next;
        }

        while (_order.Count > max && _order.First is { } oldest && !_deciding.Contains(oldest.Value.Id))
        {
            _byId.Remove(oldest.Value.Id);
            _open.Remove((oldest.Value.Detector, oldest.Value.Source, oldest.Value.Round));
            _order.RemoveFirst();
        }
    }
}

/// <summary>An alert as it stood when read: safe to hand out of the store's lock.</summary>
public sealed record AlertSnapshot(
    string Id,
    string Detector,
    string Source,
    ushort Round,
    string Explanation,
    long FirstSeenMs,
    long LastSeenMs,
    long BallotCount,
    IReadOnlyList<long> Indices,
    IReadOnlyList<KPops.Voting.Entries.VoterPseudonym> Voters,
    AlertStatus Status,
    AlertDecision? Decision)
{
    internal static AlertSnapshot Of(IntegrityAlert alert) => new(
        alert.Id, alert.Detector, alert.Source, alert.Round, alert.Explanation, alert.FirstSeenMs, alert.LastSeenMs,
        alert.BallotCount, [.. alert.Indices], [.. alert.Voters], alert.Status, alert.Decision);
}
