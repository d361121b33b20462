using KPops.Log;
using KPops.Server.Integrity.Detectors;
using KPops.Server.PublicLog;
using KPops.Server.Storage;
using KPops.Voting.Entries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KPops.Server.Integrity;

/// <summary>
/// Feeds the detectors, off the ballot path: takes sightings in batches, reads the ballots back from the log (so the
/// detectors judge exactly what is counted: round, voter pseudonym, server time, picks), learns when fan accounts were
/// created (from the voter token, else one query per batch, remembered in a bounded cache), and hands each ballot to
/// every detector in log order.
/// </summary>
public sealed partial class IntegrityMonitor(
    BallotObservations observations,
    AlertStore alerts,
    LogHost log,
    IServiceScopeFactory scopes,
    IOptions<IntegrityOptions> options,
    ILogger<IntegrityMonitor> logger) : BackgroundService
{
    private const int BatchSize = 256;
    private const int MaxCachedAccounts = 200_000;
    private const int LookUpChunk = 64;

    private readonly Dictionary<string, long> _createdMinute = new(StringComparer.Ordinal);
    private readonly IntegrityDetectors _detectors = new(options.Value, alerts);

    /// <summary>Ballots the detectors have seen.</summary>
    public long Observed => Volatile.Read(ref _observed);

    private long _observed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<BallotSighting>(BatchSize);
        try
        {
            while (await observations.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < BatchSize && observations.Reader.TryRead(out var sighting))
                {
                    batch.Add(sighting);
                }

                try
                {
                    await LookUpAccountsAsync(batch, stoppingToken);
                    ObserveInLogOrder(batch);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The detectors are advisory: a failure here must never stop voting or the monitor.
                    LogBatchFailed(logger, exception, batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Reads the batch's ballots back from the log in runs of consecutive indices — one read per run, not per ballot:
    /// the ballots of a busy minute sit next to each other — and hands them to the detectors in log order.
    /// </summary>
    private void ObserveInLogOrder(List<BallotSighting> batch)
    {
        batch.Sort(static (a, b) => a.LogIndex.CompareTo(b.LogIndex));
        int first = 0;
        while (first < batch.Count)
        {
            int end = first + 1;
            while (end < batch.Count && batch[end].LogIndex == batch[end - 1].LogIndex + 1)
            {
                end++;
            }

            byte[]? run = ReadRun(batch[first].LogIndex, end - first);
            int offset = 0;
            for (int i = first; i < end; i++)
            {
                ReadOnlySpan<byte> entry = run is not null && NextEntry(run, ref offset) is { } range ? run.AsSpan(range) : ReadOne(batch[i].LogIndex);
                if (Decode(batch[i], entry, out var ballot))
                {
                    _detectors.Observe(ballot);
                    Interlocked.Increment(ref _observed);
                }
            }

            first = end;
        }
    }

    private byte[]? ReadRun(long start, int count)
    {
        try
        {
            return count > 1 ? log.Storage.ReadEntries(start, count) : null;
        }
        catch (Exception exception) when (exception is IOException or ArgumentOutOfRangeException or InvalidDataException)
        {
            // Read the run's entries one by one instead: one unreadable entry must not hide its neighbours.
            return null;
        }
    }

    private ReadOnlySpan<byte> ReadOne(long index)
    {
        try
        {
            byte[] encoded = log.Storage.ReadEntries(index, 1);
            int offset = 0;
            return NextEntry(encoded, ref offset) is { } range ? encoded.AsSpan(range) : default;
        }
        catch (Exception exception) when (exception is IOException or ArgumentOutOfRangeException or InvalidDataException)
        {
            return default;
        }
    }

    /// <summary>The next entry of an entry bundle (length-prefixed entries) from <paramref name="offset"/>, or null if the bundle ends.</summary>
    private static Range? NextEntry(byte[] bundle, ref int offset)
    {
        if (bundle.Length - offset < EntryBundle.LengthPrefixSize)
        {
            return null;
        }

        int length = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bundle.AsSpan(offset));
        int start = offset + EntryBundle.LengthPrefixSize;
        if (bundle.Length - start < length)
        {
            return null;
        }

        offset = start + length;
        return start..offset;
    }

    private bool Decode(in BallotSighting sighting, ReadOnlySpan<byte> entry, out ObservedBallot observed)
    {
        observed = default;
        if (entry.IsEmpty || !BallotCodec.TryRead(entry, out var ballot, out _))
        {
            return false;
        }

        long created = sighting.CreatedMinute >= 0 ? sighting.CreatedMinute
            : sighting.AccountId is { } account && _createdMinute.TryGetValue(account, out var minute) ? minute
            : -1;
        observed = new ObservedBallot(sighting.LogIndex, ballot.Round, ballot.Voter, ballot.ServerTimeMs, sighting.Network,
            sighting.Device, created, ObservedBallot.HashPicks(ballot.Picks));
        return true;
    }

    /// <summary>Fan accounts (voter tokens carry their id, a GUID) were created when first verified.</summary>
    private async Task LookUpAccountsAsync(List<BallotSighting> batch, CancellationToken cancellationToken)
    {
        var unknown = new HashSet<Guid>();
        foreach (var sighting in batch)
        {
            if (sighting.CreatedMinute < 0 && sighting.AccountId is { } account && !_createdMinute.ContainsKey(account)
                && Guid.TryParseExact(account, "D", out var id))
            {
                unknown.Add(id);
            }
        }

        if (unknown.Count == 0)
        {
            return;
        }

        if (_createdMinute.Count + unknown.Count > MaxCachedAccounts)
        {
            _createdMinute.Clear();
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
        // Fixed-size chunks padded with an id no account has: EF Core then sees one query shape and compiles it once.
        // A list whose length changed with every batch made new SQL and new JIT work for as long as ballots flowed.
        var ids = new Guid[LookUpChunk];
        using var pending = unknown.GetEnumerator();
        bool more = true;
        while (more)
        {
            int filled = 0;
            while (filled < LookUpChunk && (more = pending.MoveNext()))
            {
                ids[filled++] = pending.Current;
            }

            if (filled == 0)
            {
                break;
            }

            Array.Fill(ids, Guid.Empty, filled, LookUpChunk - filled);
            for (int i = 0; i < filled; i++)
            {
                // Remembered as "not an account we know" unless the query finds it: no second look-up per ballot.
                _createdMinute[ids[i].ToString("D")] = -1;
            }

            var fans = await db.Fans.AsNoTracking().Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.VerifiedAt }).ToListAsync(cancellationToken);
            foreach (var fan in fans)
            {
                _createdMinute[fan.Id.ToString("D")] = fan.VerifiedAt.ToUnixTimeMilliseconds() / 60_000;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Integrity detectors skipped a batch of {Count} ballots")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
