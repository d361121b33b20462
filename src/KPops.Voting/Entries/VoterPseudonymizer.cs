using System.Text;
using KPops.Log;

namespace KPops.Voting.Entries;

/// <summary>
/// Turns an account id into its <see cref="VoterPseudonym"/>: the first 16 bytes of HMAC-SHA256 keyed with a
/// server secret. The same account always maps to the same pseudonym (so quotas hold across restarts and
/// recounts), while nobody without the secret can link a pseudonym back to an account or test a guess.
/// </summary>
public sealed class VoterPseudonymizer
{
    /// <summary>Longer account ids are refused, so the UTF-8 bytes always fit a stack buffer.</summary>
    public const int MaxAccountIdLength = 512;

    private readonly HmacSha256 _hmac;

    /// <param name="secret">At least 32 random bytes, kept out of the log and out of source control.</param>
    public VoterPseudonymizer(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < 32)
        {
            throw new ArgumentException("The pseudonym secret must be at least 32 bytes.", nameof(secret));
        }

        _hmac = new HmacSha256(secret);
    }

    public VoterPseudonym Of(ReadOnlySpan<char> accountId)
    {
        ThrowIfNotAnAccountId(accountId);
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(accountId.Length)];
        var length = Encoding.UTF8.GetBytes(accountId, utf8);
        Span<byte> mac = stackalloc byte[HmacSha256.HashSize];
        _hmac.HashData(utf8[..length], mac);
        return VoterPseudonym.Read(mac);
    }

    private static void ThrowIfNotAnAccountId(ReadOnlySpan<char> accountId)
    {
        if (accountId.IsEmpty || accountId.Length > MaxAccountIdLength)
        {
            throw new ArgumentException("An account id is 1 to 512 characters.", nameof(accountId));
        }
    }
}
