using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using KPops.Log;
using KPops.Server.Hosting;

namespace KPops.Server.Fans;

/// <summary>What a genuine, unexpired voter token says about its fan.</summary>
/// <param name="FanId">The fan account id.</param>
/// <param name="VerifiedAt">When the account's address was first verified (its creation), or null for a token issued
/// before tokens carried it (<c>kv1.</c>).</param>
public readonly record struct VoterTokenClaims(Guid FanId, DateTimeOffset? VerifiedAt);

/// <summary>
/// Signed, short-lived voter tokens: <c>kv2.</c> then base64url of the fan account id (16 bytes), the expiry and the
/// account's verification time (Unix seconds, 8 bytes big-endian each) and an HMAC-SHA256 of those under
/// <see cref="VoterTokenKeyFile"/> (so tokens survive restarts). Every ballot carries one, so reading it must cost a
/// hash, not Data Protection's key derivation and decryption; the prefix lets the server route it to this scheme
/// without trying staff bearer formats first. The verification time spares the integrity monitor a database look-up
/// per new voter (the new-account cohort detector needs it). <c>kv1.</c> tokens, without it, are still read: they were
/// handed out before an upgrade and stay valid for their hour.
/// </summary>
public sealed class VoterTokens(DataDirectory data, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>What every voter token this server issues starts with (and no staff bearer token does).</summary>
    public const string Prefix = "kv2.";

    /// <summary>Tokens issued before they carried the verification time.</summary>
    public const string LegacyPrefix = "kv1.";

    private const int IdBytes = 16;
    private const int TimeBytes = sizeof(long);
    private const int LegacyPayloadBytes = IdBytes + TimeBytes;
    private const int PayloadBytes = IdBytes + TimeBytes + TimeBytes;
    private const int MacBytes = HmacSha256.HashSize;
    private static readonly int EncodedLength = Prefix.Length + Base64Url.GetEncodedLength(PayloadBytes + MacBytes);
    private static readonly int LegacyEncodedLength = LegacyPrefix.Length + Base64Url.GetEncodedLength(LegacyPayloadBytes + MacBytes);

    // Keyed once (HmacSha256): every ballot's token is checked with it.
    private readonly Lazy<HmacSha256> _key = new(() => new HmacSha256(VoterTokenKeyFile.LoadOrCreate(data)));

    /// <summary>True when <paramref name="token"/> has the voter token shape (not that it is genuine).</summary>
    public static bool LooksLikeVoterToken(ReadOnlySpan<char> token) =>
        token.StartsWith(Prefix, StringComparison.Ordinal) || token.StartsWith(LegacyPrefix, StringComparison.Ordinal);

    public string Issue(Guid fanId, DateTimeOffset verifiedAt)
    {
        Span<byte> token = stackalloc byte[PayloadBytes + MacBytes];
        fanId.TryWriteBytes(token[..IdBytes], bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(token[IdBytes..], (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt64BigEndian(token[(IdBytes + TimeBytes)..], verifiedAt.ToUnixTimeSeconds());
        _key.Value.HashData(token[..PayloadBytes], token[PayloadBytes..]);
        return Prefix + Base64Url.EncodeToString(token);
    }

    /// <summary>What <paramref name="token"/> says, or null if it is forged, altered or expired.</summary>
    public VoterTokenClaims? Read(ReadOnlySpan<char> token)
    {
        int payload;
        if (token.Length == EncodedLength && token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            payload = PayloadBytes;
        }
        else if (token.Length == LegacyEncodedLength && token.StartsWith(LegacyPrefix, StringComparison.Ordinal))
        {
            payload = LegacyPayloadBytes;
        }
        else
        {
            return null;
        }

        Span<byte> decoded = stackalloc byte[PayloadBytes + MacBytes];
        if (Base64Url.DecodeFromChars(token[Prefix.Length..], decoded, out _, out int written) != System.Buffers.OperationStatus.Done
            || written != payload + MacBytes)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[MacBytes];
        _key.Value.HashData(decoded[..payload], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, decoded.Slice(payload, MacBytes)))
        {
            return null;
        }

        long expires = BinaryPrimitives.ReadInt64BigEndian(decoded[IdBytes..]);
        if (time.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return null;
        }

        DateTimeOffset? verifiedAt = payload == PayloadBytes
            ? DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(decoded[(IdBytes + TimeBytes)..]))
            : null;
        return new VoterTokenClaims(new Guid(decoded[..IdBytes], bigEndian: true), verifiedAt);
    }
}
