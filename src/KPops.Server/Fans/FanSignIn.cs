using System.Security.Cryptography;
using KPops.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace KPops.Server.Fans;

/// <summary>What became of a verification attempt.</summary>
public enum CodeCheck
{
    Verified,
    Invalid,
    Expired,
    TooManyAttempts,
}

/// <summary>
/// Fan sign-up and sign-in by one-time code: a 6-digit code sent to the address, stored only as a keyed hash, valid
/// for <see cref="CodeLifetime"/> and <see cref="MaxAttempts"/> wrong tries; the first successful verification of an
/// address creates its fan account, later ones sign in to the same account.
/// </summary>
public sealed class FanSignIn(KPopsDbContext db, IOneTimeCodeSender sender, OneTimeCodeHasher hasher, TimeProvider time)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    public const int MaxAttempts = 5;

    public async Task SendCodeAsync(FanAddress address, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        // A new code replaces the address's earlier ones, so only one is ever live per address.
        foreach (var earlier in await LiveCodesAsync(address, cancellationToken))
        {
            earlier.ConsumedAt = now;
        }

        string code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var record = new OneTimeCode
        {
            Id = Guid.NewGuid(),
            Kind = address.Kind,
            Address = address.Value,
            CodeHash = [],
            CreatedAt = now,
            ExpiresAt = now + CodeLifetime,
        };
        record.CodeHash = hasher.Hash(record.Id, code);
        db.OneTimeCodes.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await sender.SendAsync(new OneTimeCodeMessage(address.Kind, address.Value, code, record.ExpiresAt), cancellationToken);
    }

    /// <summary>Checks <paramref name="code"/>; on success returns the fan account, created if the address had none.</summary>
    public async Task<(CodeCheck Check, FanAccount? Fan, bool Created)> VerifyAsync(FanAddress address, string code, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        var live = (await LiveCodesAsync(address, cancellationToken)).MaxBy(c => c.CreatedAt);
        if (live is null)
        {
            return (CodeCheck.Invalid, null, false);
        }

        if (live.FailedAttempts >= MaxAttempts)
        {
            return (CodeCheck.TooManyAttempts, null, false);
        }

        if (live.ExpiresAt <= now)
        {
            return (CodeCheck.Expired, null, false);
        }

        // Each try takes one of the code's attempts in the database before the code is compared, atomically, so
        // parallel guesses cannot all read the same count: at most MaxAttempts comparisons ever happen per code.
        int taken = await db.OneTimeCodes
            .Where(c => c.Id == live.Id && c.ConsumedAt == null && c.FailedAttempts < MaxAttempts)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), cancellationToken);
        if (taken == 0)
        {
            return (await AttemptsLeftAsync(live.Id, cancellationToken) ? CodeCheck.Invalid : CodeCheck.TooManyAttempts, null, false);
        }

        if (!hasher.Matches(live.Id, code, live.CodeHash))
        {
            return (live.FailedAttempts + 1 >= MaxAttempts ? CodeCheck.TooManyAttempts : CodeCheck.Invalid, null, false);
        }

        // Only one verification consumes a code, even if the same right code arrives twice at once.
        int consumed = await db.OneTimeCodes
            .Where(c => c.Id == live.Id && c.ConsumedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ConsumedAt, now), cancellationToken);
        if (consumed == 0)
        {
            return (CodeCheck.Invalid, null, false);
        }

        var fan = await db.Fans.SingleOrDefaultAsync(f => f.Kind == address.Kind && f.Address == address.Value, cancellationToken);
        bool created = fan is null;
        fan ??= db.Fans.Add(new FanAccount { Id = Guid.NewGuid(), Kind = address.Kind, Address = address.Value, VerifiedAt = now }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return (CodeCheck.Verified, fan, created);
    }

    /// <summary>False when the code has used up its attempts; true when it was consumed meanwhile instead.</summary>
    private async Task<bool> AttemptsLeftAsync(Guid codeId, CancellationToken cancellationToken) =>
        await db.OneTimeCodes.Where(c => c.Id == codeId).Select(c => c.FailedAttempts).SingleAsync(cancellationToken) < MaxAttempts;

    // Filtered in the database, ordered here: SQLite cannot order by DateTimeOffset, and an address has few codes.
    private Task<List<OneTimeCode>> LiveCodesAsync(FanAddress address, CancellationToken cancellationToken) =>
        db.OneTimeCodes
            .Where(c => c.Kind == address.Kind && c.Address == address.Value && c.ConsumedAt == null)
            .ToListAsync(cancellationToken);
}
