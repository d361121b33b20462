using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using KPops.Log;
using KPops.Server.Hosting;

namespace KPops.Server.Fans;

/// <summary>
/// Signed, short-lived voter tokens: <c>kv1.</c> then base64url of the fan account id (16 bytes), the expiry (Unix
/// seconds, 8 bytes big-endian) and an HMAC-SHA256 of both under <see cref="VoterTokenKeyFile"/> (so tokens survive
/// restarts). Every ballot carries one, so reading it must cost a hash, not Data Protection's key derivation and
/// decryption; the prefix lets the server route it to this scheme without trying staff bearer formats first.
/// </summary>
public sealed class VoterTokens(DataDirectory data, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>What every voter token starts with (and no staff bearer token does).</summary>
    public const string Prefix = "kv1.";

    private const int IdBytes = 16;
    private const int ExpiryBytes = sizeof(long);
    private const int PayloadBytes = IdBytes + ExpiryBytes;
    private const int TokenBytes = PayloadBytes + HMACSHA256.HashSizeInBytes;
    private static readonly int EncodedLength = Prefix.Length + Base64Url.GetEncodedLength(TokenBytes);

    // Keyed once (HmacSha256): every ballot's token is checked with it.
    private readonly Lazy<HmacSha256> _key = new(() => new HmacSha256(VoterTokenKeyFile.LoadOrCreate(data)));

    /// <summary>True when <paramref name="token"/> has the voter token shape (not that it is genuine).</summary>
    public static bool LooksLikeVoterToken(ReadOnlySpan<char> token) => token.StartsWith(Prefix, StringComparison.Ordinal);

    public string Issue(Guid fanId)
    {
        Span<byte> token = stackalloc byte[TokenBytes];
        fanId.TryWriteBytes(token[..IdBytes], bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(token[IdBytes..PayloadBytes], (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds());
        _key.Value.HashData(token[..PayloadBytes], token[PayloadBytes..]);
        return Prefix + Base64Url.EncodeToString(token);
    }

    /// <summary>The fan account id sealed in <paramref name="token"/>, or null if it is forged, altered or expired.</summary>
    public Guid? Read(string token)
    {
        if (token.Length != EncodedLength || !LooksLikeVoterToken(token))
        {
            return null;
        }

        Span<byte> decoded = stackalloc byte[TokenBytes];
        if (Base64Url.DecodeFromChars(token.AsSpan(Prefix.Length), decoded, out _, out int written) != System.Buffers.OperationStatus.Done
            || written != TokenBytes)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        _key.Value.HashData(decoded[..PayloadBytes], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, decoded[PayloadBytes..]))
        {
            return null;
        }

        long expires = BinaryPrimitives.ReadInt64BigEndian(decoded[IdBytes..PayloadBytes]);
        return time.GetUtcNow().ToUnixTimeSeconds() < expires ? new Guid(decoded[..IdBytes], bigEndian: true) : null;
    }
}
