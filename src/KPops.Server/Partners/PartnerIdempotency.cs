using KPops.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace KPops.Server.Partners;

/// <summary>What <see cref="PartnerIdempotency.ClaimAsync"/> found for an idempotency key.</summary>
internal enum ClaimResult
{
    /// <summary>The key is new (or its earlier claim was abandoned): this request runs the batch.</summary>
    Claimed,

    /// <summary>The same request ran before: answer its stored outcome.</summary>
    Completed,

    /// <summary>The key was used for another request.</summary>
    Mismatch,

    /// <summary>The same request is running right now.</summary>
    InProgress,
}

/// <summary>
/// Idempotency keys of partner batches, in the database so that they hold across restarts: a row is claimed (inserted)
/// before a batch is submitted, completed with its outcomes after, and kept for <see cref="Retention"/>. A claim whose
/// request died before completing is taken over after <see cref="AbandonedAfter"/>; resubmitting is harmless since
/// the pipeline answers a ballot it already has with <c>duplicate-ballot</c>.
/// </summary>
internal sealed class PartnerIdempotency(KPopsDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    private static long _nextSweepMs;

    public async Task<(ClaimResult Result, PartnerBatch? Stored)> ClaimAsync(string keyId, string idempotencyKey, byte[] requestHash,
        CancellationToken cancellationToken)
    {
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await SweepAsync(now, cancellationToken);
        db.PartnerBatches.Add(new PartnerBatch { KeyId = keyId, IdempotencyKey = idempotencyKey, RequestHash = requestHash, CreatedAtUnixMs = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (ClaimResult.Claimed, null);
        }
        catch (DbUpdateException)
        {
            // The primary key (key id, idempotency key) is taken: see by whom.
            db.ChangeTracker.Clear();
        }

        var stored = await db.PartnerBatches.AsNoTracking()
            .SingleOrDefaultAsync(b => b.KeyId == keyId && b.IdempotencyKey == idempotencyKey, cancellationToken)
            ?? throw new InvalidOperationException("A partner batch row could neither be inserted nor read.");
        if (!stored.RequestHash.AsSpan().SequenceEqual(requestHash))
        {
            return (ClaimResult.Mismatch, stored);
        }

        if (stored.Outcomes is not null)
        {
            return (ClaimResult.Completed, stored);
        }

        if (now - stored.CreatedAtUnixMs < (long)AbandonedAfter.TotalMilliseconds)
        {
            return (ClaimResult.InProgress, stored);
        }

        // Take the abandoned claim over, unless another retry just did.
        int taken = await db.PartnerBatches
            .Where(b => b.KeyId == keyId && b.IdempotencyKey == idempotencyKey && b.Outcomes == null && b.CreatedAtUnixMs == stored.CreatedAtUnixMs)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.CreatedAtUnixMs, now), cancellationToken);
        return (taken == 1 ? ClaimResult.Claimed : ClaimResult.InProgress, stored);
    }

    public Task CompleteAsync(string keyId, string idempotencyKey, byte[] outcomes, string? checkpoint, CancellationToken cancellationToken) =>
        db.PartnerBatches
            .Where(b => b.KeyId == keyId && b.IdempotencyKey == idempotencyKey)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.Outcomes, outcomes).SetProperty(b => b.Checkpoint, checkpoint), cancellationToken);

    /// <summary>Gives a claim back when its batch could not run, so that the partner may retry with the same key.</summary>
    public Task ReleaseAsync(string keyId, string idempotencyKey) =>
        db.PartnerBatches
            .Where(b => b.KeyId == keyId && b.IdempotencyKey == idempotencyKey && b.Outcomes == null)
            .ExecuteDeleteAsync(CancellationToken.None);

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
