using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace KPops.Server.Partners;

/// <summary>
/// Makes partner key ids and secrets, and seals secrets for storage with ASP.NET Core Data Protection (keys in the
/// data directory): the signature check needs the secret itself, so a hash would not do, and the database alone
/// must not be enough to sign batches.
/// </summary>
public sealed class PartnerSecrets(IDataProtectionProvider protection)
{
    /// <summary>Key ids look like <c>pk_</c> and 20 lowercase hex digits.</summary>
    public const string KeyIdPrefix = "pk_";

    public const int KeyIdLength = 23;

    /// <summary>Secrets look like <c>kps_</c> and 43 base64url characters (32 random bytes).</summary>
    public const string SecretPrefix = "kps_";

    private readonly IDataProtector _protector = protection.CreateProtector("KPops.Partners.Secret.v1");

    public static string NewKeyId() => KeyIdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    public static string NewSecret() => SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether <paramref name="keyId"/> has the shape of a key id (checked before any database look-up).</summary>
    public static bool IsKeyId(string? keyId)
    {
        if (keyId is null || keyId.Length != KeyIdLength || !keyId.StartsWith(KeyIdPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in keyId.AsSpan(KeyIdPrefix.Length))
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public byte[] Protect(string secret) => _protector.Protect(System.Text.Encoding.UTF8.GetBytes(secret));

    /// <summary>The HMAC key: the UTF-8 bytes of the secret as the partner was given it.</summary>
    public byte[] Unprotect(byte[] protectedSecret) => _protector.Unprotect(protectedSecret);
}
