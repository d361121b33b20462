using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace KPops.Server.Integrity;

/// <summary>Why a proof-of-work stamp was refused.</summary>
public enum PowCheck
{
    Valid,
    Malformed,
    Forged,
    Expired,
    WrongRound,
    WrongVoter,
    AlreadyUsed,
    TooEasy,
}

/// <summary>An issued challenge: what the client hashes, how hard, until when.</summary>
public sealed record PowChallenge(string Challenge, int DifficultyBits, DateTimeOffset ExpiresAt);

/// <summary>
/// Proof-of-work per ballot (what Big Brother Brasil asks of each vote): the server hands a voter a short-lived
/// challenge, HMAC-signed with a key that lives only in this process, bound to the round and to the voter; the
/// ballot must carry it with a nonce such that SHA-256(UTF-8 "challenge:nonce") starts with at least the challenge's
/// number of zero bits. Each challenge is accepted once. Costless for one fan, costly for a bot farm.
/// </summary>
public sealed class ProofOfWork(IOptions<IntegrityOptions> options, TimeProvider time)
{
    public const int MaxNonceLength = 64;
    private const int RandomSize = 16;
    private const int VoterTagSize = 16;
    private const int MacSize = 16;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<UInt128, long> _used = new();
    private long _lastSweepMs;

    public bool Enabled => options.Value.ProofOfWork.Enabled;

    public PowChallenge Issue(string roundId, string accountId)
    {
        ArgumentNullException.ThrowIfNull(roundId);
        ArgumentNullException.ThrowIfNull(accountId);
        var settings = options.Value.ProofOfWork;
        var expires = time.GetUtcNow().AddSeconds(settings.ChallengeLifetimeSeconds);
        var round = Encoding.UTF8.GetBytes(roundId);
        // expires (8) | difficulty (1) | random (16) | voter tag (16) | round id
        var payload = new byte[8 + 1 + RandomSize + VoterTagSize + round.Length];
        BinaryPrimitives.WriteInt64BigEndian(payload, expires.ToUnixTimeMilliseconds());
        payload[8] = (byte)settings.DifficultyBits;
        RandomNumberGenerator.Fill(payload.AsSpan(9, RandomSize));
        VoterTag(accountId).CopyTo(payload.AsSpan(9 + RandomSize));
        round.CopyTo(payload.AsSpan(9 + RandomSize + VoterTagSize));
        var challenge = WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(Mac(payload));
        return new PowChallenge(challenge, settings.DifficultyBits, expires);
    }

    /// <summary>Checks a stamp and, when valid, uses the challenge up.</summary>
    public PowCheck Verify(string challenge, string nonce, string roundId, string accountId)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(nonce);
        var dot = challenge.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || nonce.Length is 0 or > MaxNonceLength || !TryDecode(challenge[..dot], out var payload)
            || payload.Length < 9 + RandomSize + VoterTagSize || !TryDecode(challenge[(dot + 1)..], out var mac))
        {
            return PowCheck.Malformed;
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(payload)))
        {
            return PowCheck.Forged;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var expires = BinaryPrimitives.ReadInt64BigEndian(payload);
        if (expires <= now)
        {
            return PowCheck.Expired;
        }

        if (!payload.AsSpan(9 + RandomSize + VoterTagSize).SequenceEqual(Encoding.UTF8.GetBytes(roundId)))
        {
            return PowCheck.WrongRound;
        }

        if (!payload.AsSpan(9 + RandomSize, VoterTagSize).SequenceEqual(VoterTag(accountId)))
        {
            return PowCheck.WrongVoter;
        }

        if (LeadingZeroBits(challenge, nonce) < payload[8])
        {
            return PowCheck.TooEasy;
        }

        SweepExpired(now);
        return _used.TryAdd(BinaryPrimitives.ReadUInt128BigEndian(payload.AsSpan(9, RandomSize)), expires) ? PowCheck.Valid : PowCheck.AlreadyUsed;
    }

    /// <summary>Leading zero bits of SHA-256(UTF-8 "challenge:nonce"): what the client searches nonces for.</summary>
    public static int LeadingZeroBits(string challenge, string nonce)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(nonce);
        var input = Encoding.UTF8.GetBytes(challenge + ":" + nonce);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        var bits = 0;
        foreach (var b in hash)
        {
            if (b != 0)
            {
                return bits + BitOperations.LeadingZeroCount(b) - 24;
            }

            bits += 8;
        }

        return bits;
    }

    private byte[] Mac(ReadOnlySpan<byte> payload) => HMACSHA256.HashData(_key, payload)[..MacSize];

    private byte[] VoterTag(string accountId) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("voter:" + accountId))[..VoterTagSize];

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = WebEncoders.Base64UrlDecode(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    // Used challenges are remembered until they expire; after that they are refused as expired anyway.
    private void SweepExpired(long now)
    {
        var last = Interlocked.Read(ref _lastSweepMs);
        if (now - last < 10_000 || Interlocked.CompareExchange(ref _lastSweepMs, now, last) != last)
        {
            return;
        }

        foreach (var (key, expires) in _used)
        {
            if (expires <= now)
            {
                _used.TryRemove(key, out _);
            }
        }
    }
}
