using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace KPops.Server.Fans;

/// <summary>
/// Signed, short-lived voter tokens: the fan account id sealed by a Data Protection time-limited protector (keys in
/// <c>&lt;data&gt;/keys</c>, so tokens survive restarts). The purpose string keeps them apart from staff bearer tokens:
/// neither kind of token unprotects as the other.
/// </summary>
public sealed class VoterTokens(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("KPops.Fans.VoterToken.v1").ToTimeLimitedDataProtector();

    public string Issue(Guid fanId) => _protector.Protect(fanId.ToString("D"), time.GetUtcNow() + Lifetime);

    /// <summary>The fan account id sealed in <paramref name="token"/>, or null if it is forged, altered or expired.</summary>
    public Guid? Read(string token)
    {
        try
        {
            return Guid.TryParse(_protector.Unprotect(token, out _), out Guid id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
