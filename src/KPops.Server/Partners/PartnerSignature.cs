using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KPops.Server.Partners;

/// <summary>
/// The request signature of the partner batch endpoint (docs/partners.md): HMAC-SHA256, keyed with the UTF-8 bytes of
/// the partner's secret, over the canonical request
/// <code>
/// KPOPS1-HMAC-SHA256\n{METHOD}\n{path}\n{timestamp}\n{Idempotency-Key}\n{hex SHA-256 of the body}
/// </code>
/// sent as lowercase hex in <see cref="SignatureHeader"/>. The timestamp (Unix seconds) bounds replays; the
/// idempotency key is signed so that a captured request cannot be replayed under another key.
/// </summary>
public static class PartnerSignature
{
    public const string KeyIdHeader = "X-KPops-Key-Id";
    public const string TimestampHeader = "X-KPops-Timestamp";
    public const string SignatureHeader = "X-KPops-Signature";
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string Scheme = "KPOPS1-HMAC-SHA256";

    /// <summary>The text that is signed (exposed for documentation, clients and tests).</summary>
    public static string CanonicalRequest(string method, string path, long timestamp, string idempotencyKey, ReadOnlySpan<byte> bodySha256) =>
        string.Join('\n', Scheme, method.ToUpperInvariant(), path, timestamp.ToString(CultureInfo.InvariantCulture), idempotencyKey,
            Convert.ToHexStringLower(bodySha256));

    /// <summary>The <see cref="SignatureHeader"/> value for a request (what a partner's client computes).</summary>
    public static string Sign(string secret, string method, string path, long timestamp, string idempotencyKey, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> bodyHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, bodyHash);
        return Convert.ToHexStringLower(Mac(Encoding.UTF8.GetBytes(secret), method, path, timestamp, idempotencyKey, bodyHash));
    }

    /// <summary>True when <paramref name="signatureHex"/> is the signature of the request, compared in constant time.</summary>
    public static bool Verify(ReadOnlySpan<byte> key, string method, string path, long timestamp, string idempotencyKey,
        ReadOnlySpan<byte> bodySha256, string signatureHex)
    {
        ArgumentNullException.ThrowIfNull(signatureHex);
        Span<byte> presented = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (signatureHex.Length != presented.Length * 2
            || Convert.FromHexString(signatureHex, presented, out _, out int written) != System.Buffers.OperationStatus.Done
            || written != presented.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Mac(key, method, path, timestamp, idempotencyKey, bodySha256), presented);
    }

    private static byte[] Mac(ReadOnlySpan<byte> key, string method, string path, long timestamp, string idempotencyKey, ReadOnlySpan<byte> bodySha256) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(CanonicalRequest(method, path, timestamp, idempotencyKey, bodySha256)));
}
