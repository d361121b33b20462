using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace KPops.Log;

/// <summary>
/// RFC 6962 §2.1 Merkle tree hashing with SHA-256: leaves are hashed as SHA-256(0x00 || data) and interior
/// nodes as SHA-256(0x01 || left || right), so a leaf can never be passed off as a node (second-preimage
/// resistance). Everything works on caller-provided spans so the append path allocates nothing.
/// </summary>
// The stack buffers are fully overwritten before use; zeroing them would only cost time on the append path.
[SkipLocalsInit]
public static class Rfc6962
{
    public const int HashSize = 32;

    // Entries up to this size are prefixed on the stack; larger ones borrow a pooled buffer.
    private const int StackPrefixLimit = 1024;

    private static readonly byte[] EmptyRootHash = SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>The root of the empty tree: SHA-256 of the empty string.</summary>
    public static ReadOnlySpan<byte> EmptyRoot => EmptyRootHash;

    public static void HashLeaf(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        int length = data.Length + 1;
        if (length <= StackPrefixLimit)
        {
            Span<byte> buffer = stackalloc byte[StackPrefixLimit];
            buffer[0] = 0x00;
            data.CopyTo(buffer[1..]);
            Sha256.HashData(buffer[..length], destination);
            return;
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            rented[0] = 0x00;
            data.CopyTo(rented.AsSpan(1));
            Sha256.HashData(rented.AsSpan(0, length), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static byte[] HashLeaf(ReadOnlySpan<byte> data)
    {
        var hash = new byte[HashSize];
        HashLeaf(data, hash);
        return hash;
    }

    public static void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * HashSize)];
        buffer[0] = 0x01;
        left[..HashSize].CopyTo(buffer[1..]);
        right[..HashSize].CopyTo(buffer[(1 + HashSize)..]);
        Sha256.HashData(buffer, destination);
    }

    /// <summary>
    /// MTH(D[n]) of RFC 6962 §2.1 over already-hashed leaves (<paramref name="leafHashes"/> holds n × 32 bytes),
    /// following the definition literally: split at the largest power of two smaller than n.
    /// </summary>
    public static void MerkleTreeHash(ReadOnlySpan<byte> leafHashes, Span<byte> destination)
    {
        if (leafHashes.Length % HashSize != 0)
        {
            throw new ArgumentException("Leaf hashes must be a whole number of 32-byte hashes.", nameof(leafHashes));
        }

        long count = leafHashes.Length / HashSize;
        if (count == 0)
        {
            EmptyRoot.CopyTo(destination);
            return;
        }

        HashRange(leafHashes, destination);
    }

    public static byte[] MerkleTreeHash(ReadOnlySpan<byte> leafHashes)
    {
        var hash = new byte[HashSize];
        MerkleTreeHash(leafHashes, hash);
        return hash;
    }

    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2): RFC 6962's split point k.</summary>
    public static long SplitPoint(long n) => (long)BitOperations.RoundUpToPowerOf2((ulong)n) >> 1;

    private static void HashRange(ReadOnlySpan<byte> leafHashes, Span<byte> destination)
    {
        int count = leafHashes.Length / HashSize;
        if (count == 1)
        {
            leafHashes.CopyTo(destination);
            return;
        }

        int split = (int)SplitPoint(count) * HashSize;
        Span<byte> children = stackalloc byte[2 * HashSize];
        HashRange(leafHashes[..split], children[..HashSize]);
        HashRange(leafHashes[split..], children[HashSize..]);
        HashChildren(children[..HashSize], children[HashSize..], destination);
    }
}
