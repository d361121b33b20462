using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace KPops.Log;

/// <summary>
/// HMAC-SHA256 (RFC 2104) under one key for many short messages: voter pseudonyms and voter tokens, one per ballot.
/// </summary>
/// <remarks>
/// The BCL's HMAC goes through OpenSSL's EVP_MAC layer, which clears OpenSSL's error queue and allocates on every
/// call: in a profile of the partner endpoint those calls (<c>ERR_clear_error</c>, <c>CRYPTO_free</c>) were 11 % of
/// the process's time. This keys once — the SHA-256 states after the key XOR ipad and XOR opad blocks, exactly the
/// precomputation RFC 2104 section 4 describes — and per message copies the two states and finishes them with
/// OpenSSL's low-level SHA-256 (<see cref="Sha256"/>). Without those exports it uses the BCL, with the same bytes.
/// Thread-safe: the keyed states are only read.
/// </remarks>
[SkipLocalsInit]
public sealed unsafe class HmacSha256
{
    public const int HashSize = 32;

    private const int BlockSize = 64;

    private readonly byte[] _key;
    private readonly byte[]? _innerState;
    private readonly byte[]? _outerState;

    public HmacSha256(ReadOnlySpan<byte> key)
    {
        _key = key.ToArray();
        if (!Sha256.UsesLowLevelOpenSsl)
        {
            return;
        }

        // Keys longer than a block are hashed first (RFC 2104 section 2), shorter ones padded with zeros.
        Span<byte> block = stackalloc byte[BlockSize];
        block.Clear();
        if (key.Length > BlockSize)
        {
            Sha256.HashData(key, block);
        }
        else
        {
            key.CopyTo(block);
        }

        _innerState = KeyedState(block, 0x36);
        _outerState = KeyedState(block, 0x5c);
        CryptographicOperations.ZeroMemory(block);
    }

    /// <summary>Writes HMAC-SHA256(key, <paramref name="message"/>) into the first 32 bytes of <paramref name="destination"/>.</summary>
    public void HashData(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        if (destination.Length < HashSize)
        {
            throw new ArgumentException("The destination must hold 32 bytes.", nameof(destination));
        }

        if (_innerState is null || _outerState is null)
        {
            HMACSHA256.HashData(_key, message, destination);
            return;
        }

        byte* context = stackalloc byte[Sha256.ContextSize];
        byte* inner = stackalloc byte[HashSize];
        fixed (byte* innerState = _innerState)
        fixed (byte* outerState = _outerState)
        fixed (byte* input = message)
        fixed (byte* output = destination)
        {
            // SHA256_CTX holds only integers and its buffer, so a byte copy is a valid copy of the state.
            Buffer.MemoryCopy(innerState, context, Sha256.ContextSize, Sha256.ContextSize);
            _ = Sha256.Update(context, input, (nuint)message.Length);
            _ = Sha256.Final(inner, context);
            Buffer.MemoryCopy(outerState, context, Sha256.ContextSize, Sha256.ContextSize);
            _ = Sha256.Update(context, inner, HashSize);
            _ = Sha256.Final(output, context);
        }
    }

    private static byte[] KeyedState(ReadOnlySpan<byte> block, byte pad)
    {
        Span<byte> padded = stackalloc byte[BlockSize];
        for (int i = 0; i < BlockSize; i++)
        {
            padded[i] = (byte)(block[i] ^ pad);
        }

        var state = new byte[Sha256.ContextSize];
        fixed (byte* context = state)
        fixed (byte* input = padded)
        {
            _ = Sha256.Init(context);
            _ = Sha256.Update(context, input, BlockSize);
        }

        CryptographicOperations.ZeroMemory(padded);
        return state;
    }
}
