using System.Buffers.Binary;
using KPops.Server.Storage;
using KPops.Voting.Entries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Integrity;

/// <summary>Where <see cref="AlertStore"/> keeps its alerts across restarts.</summary>
public interface IAlertArchive
{
    /// <summary>Every stored alert, oldest first (called once, on the store's first use).</summary>
    IReadOnlyList<AlertSnapshot> Load();

    /// <summary>Writes the alerts that changed and deletes the ones the store forgot.</summary>
    Task SaveAsync(IReadOnlyList<AlertSnapshot> changed, IReadOnlyList<string> forgotten, CancellationToken cancellationToken);
}

/// <summary>The alerts in the server's database (<see cref="StoredAlert"/>, table <c>IntegrityAlerts</c>).</summary>
public sealed class DatabaseAlertArchive(IServiceScopeFactory scopes) : IAlertArchive
{
    public IReadOnlyList<AlertSnapshot> Load()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
        return [.. db.Set<StoredAlert>().AsNoTracking().OrderBy(a => a.Sequence).AsEnumerable().Select(ToSnapshot)];
    }

    public async Task SaveAsync(IReadOnlyList<AlertSnapshot> changed, IReadOnlyList<string> forgotten, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(forgotten);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
        var alerts = db.Set<StoredAlert>();
        var ids = changed.Select(a => a.Id).Concat(forgotten).ToList();
        var existing = await alerts.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var alert in changed)
        {
            if (existing.TryGetValue(alert.Id, out var row))
            {
                Copy(alert, row);
            }
            else
            {
                alerts.Add(Copy(alert, new StoredAlert { Id = alert.Id, Detector = alert.Detector, Source = alert.Source, Explanation = alert.Explanation, Indices = [], Voters = [] }));
            }
        }

        foreach (var id in forgotten)
        {
            if (existing.TryGetValue(id, out var row))
            {
                alerts.Remove(row);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static StoredAlert Copy(AlertSnapshot alert, StoredAlert row)
    {
        row.Sequence = AlertStore.SequenceOf(alert.Id);
        row.Detector = alert.Detector;
        row.Source = alert.Source;
        row.Round = alert.Round;
        row.Explanation = alert.Explanation;
        row.FirstSeenMs = alert.FirstSeenMs;
        row.LastSeenMs = alert.LastSeenMs;
        row.BallotCount = alert.BallotCount;
        row.Indices = Pack(alert.Indices);
        row.Voters = Pack(alert.Voters);
        row.Status = (int)alert.Status;
        row.DecidedBy = alert.Decision?.By;
        row.DecidedAtMs = alert.Decision?.AtMs;
        row.DecisionReason = alert.Decision?.Reason is { } reason ? (int)reason : null;
        row.DecisionNote = alert.Decision?.Note;
        row.QuarantineEntries = alert.Decision is { } decision ? Pack(decision.QuarantineEntries) : null;
        return row;
    }

    private static AlertSnapshot ToSnapshot(StoredAlert row)
    {
        AlertDecision? decision = row.DecidedBy is null
            ? null
            : new AlertDecision(row.DecidedBy, row.DecidedAtMs ?? 0, row.DecisionReason is { } reason ? (QuarantineReason)reason : null,
                row.DecisionNote ?? string.Empty, UnpackIndices(row.QuarantineEntries ?? []));
        return new AlertSnapshot(row.Id, row.Detector, row.Source, (ushort)row.Round, row.Explanation, row.FirstSeenMs, row.LastSeenMs,
            row.BallotCount, UnpackIndices(row.Indices), UnpackVoters(row.Voters), (AlertStatus)row.Status, decision);
    }

    private static byte[] Pack(IReadOnlyList<long> indices)
    {
        var bytes = new byte[indices.Count * sizeof(long)];
        for (var i = 0; i < indices.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), indices[i]);
        }

        return bytes;
    }

    private static byte[] Pack(IReadOnlyList<VoterPseudonym> voters)
    {
        var bytes = new byte[voters.Count * VoterPseudonym.Size];
        for (var i = 0; i < voters.Count; i++)
        {
            voters[i].Write(bytes.AsSpan(i * VoterPseudonym.Size));
        }

        return bytes;
    }

    private static long[] UnpackIndices(byte[] bytes)
    {
        var indices = new long[bytes.Length / sizeof(long)];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i * sizeof(long)));
        }

        return indices;
    }

    private static VoterPseudonym[] UnpackVoters(byte[] bytes)
    {
        var voters = new VoterPseudonym[bytes.Length / VoterPseudonym.Size];
        for (var i = 0; i < voters.Length; i++)
        {
            voters[i] = VoterPseudonym.Read(bytes.AsSpan(i * VoterPseudonym.Size));
        }

        return voters;
    }
}
