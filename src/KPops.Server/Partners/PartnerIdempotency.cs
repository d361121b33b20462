using System.Collections.Concurrent;
using KPops.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace KPops.Server.Partners;

/// <summary>What <see cref="PartnerIdempotency.ClaimAsync"/> found for an idempotency key.</summary>
internal enum ClaimResult
{
    /// <summary>The key is new (or its earlier request died before completing): this request runs the batch.</summary>
    Claimed,

    /// <summary>The same request ran before: answer its stored outcome.</summary>
    Completed,

    /// <summary>The key was used for another request.</summary>
    Mismatch,

    /// <summary>The same request is running right now.</summary>
    InProgress,
}

/// <summary>
/// Idempotency keys of partner batches. A batch that is running is claimed in memory (<see cref="PartnerClaims"/>),
/// and a batch that ran is a database row with its outcomes, kept for <see cref="Retention"/> and across restarts.
/// So a batch costs one database commit, the completed row, instead of a claim row and an update: the claim only has
/// to outlive the request, and the one process that owns the vote log is the only one that runs its batches. A request
/// that dies before completing leaves no row, and a retry runs the batch again — harmless, since the pipeline answers a
/// ballot it already has with <c>duplicate-ballot</c> and its index.
/// </summary>
internal sealed class PartnerIdempotency(KPopsDbContext db, PartnerClaims claims, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private static long _nextSweepMs;

    /// <summary>
    /// Claims the key for this request, or says why not. On <see cref="ClaimResult.Claimed"/> the caller must end with
    /// <see cref="CompleteAsync"/> or <see cref="Release"/>.
    /// </summary>
    public async Task<(ClaimResult Result, PartnerBatch? Stored)> ClaimAsync(string keyId, string idempotencyKey, byte[] requestHash,
        CancellationToken cancellationToken)
    {
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await SweepAsync(now, cancellationToken);
        if (!claims.TryClaim(keyId, idempotencyKey, requestHash, out byte[]? running))
        {
            return (running.AsSpan().SequenceEqual(requestHash) ? ClaimResult.InProgress : ClaimResult.Mismatch, null);
        }

        // Looked up after claiming: a request that completes writes its row before it lets its claim go, so either the
        // claim above failed or the row is visible here.
        PartnerBatch? stored;
        try
        {
            stored = await db.PartnerBatches.AsNoTracking()
                .SingleOrDefaultAsync(b => b.KeyId == keyId && b.IdempotencyKey == idempotencyKey, cancellationToken);
            if (stored is { Outcomes: null })
            {
                // A claim row left by an earlier version of the server that died mid-batch: run the batch again.
                await db.PartnerBatches.Where(b => b.KeyId == keyId && b.IdempotencyKey == idempotencyKey && b.Outcomes == null)
                    .ExecuteDeleteAsync(cancellationToken);
                stored = null;
            }
        }
        catch
        {
            claims.Release(keyId, idempotencyKey);
            throw;
        }

        if (stored is null)
        {
            return (ClaimResult.Claimed, null);
        }

        claims.Release(keyId, idempotencyKey);
        return (stored.RequestHash.AsSpan().SequenceEqual(requestHash) ? ClaimResult.Completed : ClaimResult.Mismatch, stored);
    }

    /// <summary>Records the batch's outcomes (one commit), then lets the claim go.</summary>
    public async Task CompleteAsync(string keyId, string idempotencyKey, byte[] requestHash, byte[] outcomes, string? checkpoint,
        CancellationToken cancellationToken)
    {
        try
        {
            db.PartnerBatches.Add(new PartnerBatch
            {
                KeyId = keyId,
                IdempotencyKey = idempotencyKey,
                RequestHash = requestHash,
                CreatedAtUnixMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
                Outcomes = outcomes,
                Checkpoint = checkpoint,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            claims.Release(keyId, idempotencyKey);
        }
    }

    /// <summary>Gives a claim back when its batch could not run, so that the partner may retry with the same key.</summary>
    public void Release(string keyId, string idempotencyKey) => claims.Release(keyId, idempotencyKey);

    /// <summary>Deletes rows past <see cref="Retention"/>, at most once a minute per server.</summary>
    private async Task SweepAsync(long now, CancellationToken cancellationToken)
    {
        long next = Volatile.Read(ref _nextSweepMs);
        if (now < next || Interlocked.CompareExchange(ref _nextSweepMs, now + 60_000, next) != next)
        {
            return;
        }

        long cutoff = now - (long)Retention.TotalMilliseconds;
        await db.PartnerBatches.Where(b => b.CreatedAtUnixMs < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>The partner batches running in this process, by (key id, idempotency key), with their request hashes.</summary>
internal sealed class PartnerClaims
{
    private readonly ConcurrentDictionary<(string KeyId, string IdempotencyKey), byte[]> _running = new();

    /// <summary>Claims the key, or answers false with the request hash of the batch that holds it.</summary>
    public bool TryClaim(string keyId, string idempotencyKey, byte[] requestHash, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out byte[]? running)
    {
        running = _running.GetOrAdd((keyId, idempotencyKey), requestHash);
        if (ReferenceEquals(running, requestHash))
        {
            running = null;
            return true;
        }

        return false;
    }

    public void Release(string keyId, string idempotencyKey) => _running.TryRemove((keyId, idempotencyKey), out _);
}
