using System.Collections.Concurrent;
using KPops.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Partners;

/// <summary>An active partner key as the signature check needs it: its HMAC key and the partner it speaks for.</summary>
public sealed record ActivePartnerKey(string KeyId, string PartnerName, byte[] HmacKey);

/// <summary>
/// Active partner keys, unsealed once and kept in memory for <see cref="Freshness"/> so that a finale's batches do not
/// each cost a database read and a decryption. Revoking a key on this server drops it at once; another server
/// sharing the database notices within <see cref="Freshness"/>.
/// </summary>
public sealed class PartnerKeyRing(IServiceScopeFactory scopes, PartnerSecrets secrets, TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (ActivePartnerKey Key, DateTimeOffset LoadedAt)> _keys = new(StringComparer.Ordinal);

    /// <summary>The active key with id <paramref name="keyId"/>, or null when it does not exist or is revoked.</summary>
    public async ValueTask<ActivePartnerKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_keys.TryGetValue(keyId, out var cached) && now - cached.LoadedAt < Freshness)
        {
            return cached.Key;
        }

        if (!PartnerSecrets.IsKeyId(keyId))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
        var stored = await db.PartnerKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (stored is null || stored.RevokedAt is not null)
        {
            _keys.TryRemove(keyId, out _);
            return null;
        }

        var key = new ActivePartnerKey(stored.Id, stored.PartnerName, secrets.Unprotect(stored.ProtectedSecret));
        _keys[keyId] = (key, now);
        return key;
    }

    /// <summary>Forgets a key (after it is revoked).</summary>
    public void Forget(string keyId) => _keys.TryRemove(keyId, out _);
}
