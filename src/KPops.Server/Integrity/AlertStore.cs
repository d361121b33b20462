using System.Globalization;
using KPops.Server.Integrity.Detectors;
using Microsoft.Extensions.Options;

namespace KPops.Server.Integrity;

/// <summary>
/// The alerts awaiting or past staff review (the record of a decision to exclude ballots is the quarantine entry in the
/// log; this is the review queue). Repeated reports for the same detector, source and round extend one open alert. At
/// most <see cref="IntegrityOptions.MaxAlerts"/> are kept; decided ones are forgotten first. With an
/// <see cref="IAlertArchive"/> the alerts survive a restart: they are loaded from it on first use, and
/// <see cref="TakeChanges"/> hands <see cref="AlertPersistence"/> what changed since it last saved.
/// </summary>
public sealed class AlertStore(IOptions<IntegrityOptions> options, TimeProvider time, IAlertArchive? archive = null) : IAlertSink
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IntegrityAlert> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Detector, string Source, ushort Round), IntegrityAlert> _open = [];
    private readonly LinkedList<IntegrityAlert> _order = new();
    private readonly HashSet<string> _deciding = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forgotten = new(StringComparer.Ordinal);
    private long _sequence;
    private bool _loaded = archive is null;

    public void Report(string detector, string source, ushort round, string explanation, ReadOnlySpan<ObservedBallot> ballots)
    {
        lock (_gate)
        {
            EnsureLoaded();
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

            _changed.Add(alert.Id);
        }
    }

    /// <summary>Snapshots of the alerts, newest first, optionally only those with one status.</summary>
    public IReadOnlyList<AlertSnapshot> List(AlertStatus? status = null)
    {
        lock (_gate)
        {
            EnsureLoaded();
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
            EnsureLoaded();
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
            EnsureLoaded();
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
                _changed.Add(id);
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
                Forget(node.Value.Id);
                _order.Remove(node);
            }

            node = next;
        }

        while (_order.Count > max && _order.First is { } oldest && !_deciding.Contains(oldest.Value.Id))
        {
            Forget(oldest.Value.Id);
            _open.Remove((oldest.Value.Detector, oldest.Value.Source, oldest.Value.Round));
            _order.RemoveFirst();
        }
    }

    private void Forget(string id)
    {
        _byId.Remove(id);
        _changed.Remove(id);
        _forgotten.Add(id);
    }

    /// <summary>The alerts changed and the ids forgotten since the last call, for the archive; cleared as they are taken.</summary>
    public (IReadOnlyList<AlertSnapshot> Changed, IReadOnlyList<string> Forgotten) TakeChanges()
    {
        lock (_gate)
        {
            var changed = new List<AlertSnapshot>(_changed.Count);
            foreach (var id in _changed)
            {
                changed.Add(AlertSnapshot.Of(_byId[id]));
            }

            var forgotten = _forgotten.ToList();
            _changed.Clear();
            _forgotten.Clear();
            return (changed, forgotten);
        }
    }

    /// <summary>Hands back changes the archive failed to save, to be saved with the next ones.</summary>
    public void ReturnChanges(IReadOnlyList<AlertSnapshot> changed, IReadOnlyList<string> forgotten)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(forgotten);
        lock (_gate)
        {
            foreach (var alert in changed)
            {
                if (_byId.ContainsKey(alert.Id))
                {
                    _changed.Add(alert.Id);
                }
            }

            foreach (var id in forgotten)
            {
                if (!_byId.ContainsKey(id))
                {
                    _forgotten.Add(id);
                }
            }
        }
    }

    /// <summary>Reads the stored alerts now (once), rather than on the first ballot or review.</summary>
    public void Load()
    {
        lock (_gate)
        {
            EnsureLoaded();
        }
    }

    // Once, under the lock, before anything reads or adds an alert: new ids continue after the stored ones, and an
    // open stored alert keeps collecting its detector's reports.
    private void EnsureLoaded()
    {
        if (_loaded)
        {
            return;
        }

        // Oldest first (by sequence): when two open alerts share a key, the newest keeps collecting, as before the restart.
        foreach (var stored in archive!.Load())
        {
            var alert = IntegrityAlert.Restore(stored);
            _byId.Add(alert.Id, alert);
            _order.AddLast(alert);
            if (alert.Status == AlertStatus.Open)
            {
                _open[(alert.Detector, alert.Source, alert.Round)] = alert;
            }

            _sequence = Math.Max(_sequence, SequenceOf(alert.Id));
        }

        _loaded = true;
    }

    /// <summary>The number in an alert id (<c>alert-17</c> → 17).</summary>
    public static long SequenceOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.StartsWith("alert-", StringComparison.Ordinal)
            && long.TryParse(id.AsSpan("alert-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
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
