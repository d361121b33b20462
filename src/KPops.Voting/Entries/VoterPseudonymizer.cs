using System.Security.Cryptography;
using System.Text;

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

    private readonly byte[] _key;

    /// <param name="secret">At least 32 random bytes, kept out of the log and out of source control.</param>
    public VoterPseudonymizer(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < 32)
        {
            throw new ArgumentException("The pseudonym secret must be at least 32 bytes.", nameof(secret));
        }

        _key = secret.ToArray();
    }

    public VoterPseudonym Of(ReadOnlySpan<char> accountId)
    {
        ThrowIfNotAnAccountId(accountId);
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(accountId.Length)];
        var length = Encoding.UTF8.GetBytes(accountId, utf8);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, utf8[..length], mac);
        return VoterPseudonym.Read(mac);
    }

    /// <summary>
    /// A pseudonymizer for many account ids in a row (a partner's batch): the same pseudonyms as <see cref="Of"/>, from
    /// one keyed HMAC that is reset between ids, instead of setting the key up again for each. One thread at a time;
    /// dispose it after the batch.
    /// </summary>
    public Batch StartBatch() => new(_key);

    private static void ThrowIfNotAnAccountId(ReadOnlySpan<char> accountId)
    {
        if (accountId.IsEmpty || accountId.Length > MaxAccountIdLength)
        {
            throw new ArgumentException("An account id is 1 to 512 characters.", nameof(accountId));
        }
    }

    /// <summary>See <see cref="StartBatch"/>.</summary>
    public sealed class Batch : IDisposable
    {
        private readonly IncrementalHash _hmac;

        internal Batch(byte[] key) => _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

        public VoterPseudonym Of(ReadOnlySpan<char> accountId)
        {
            ThrowIfNotAnAccountId(accountId);
            Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(accountId.Length)];
            var length = Encoding.UTF8.GetBytes(accountId, utf8);
            _hmac.AppendData(utf8[..length]);
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            _hmac.GetHashAndReset(mac);
            return VoterPseudonym.Read(mac);
        }

        public void Dispose() => _hmac.Dispose();
    }
}
