using System.Buffers;
using System.Buffers.Binary;

namespace KPops.Log;

/// <summary>
/// Hashes every leaf of an encoded batch. Leaf hashes are independent, so large batches are split across
/// cores; only the right-edge fold that follows is inherently sequential.
/// </summary>
internal static class LeafHasher
{
    // Below this many entries the fan-out costs more than it saves.
    private const int ParallelThreshold = 2048;
    private const int ChunkSize = 512;

    public static void HashAll(byte[] encoded, int encodedLength, int count, byte[] destination)
    {
        if (count < ParallelThreshold || Environment.ProcessorCount == 1)
        {
            var reader = new EntryBundleReader(encoded.AsSpan(0, encodedLength));
            for (int i = 0; i < count; i++)
            {
                reader.TryReadNext(out ReadOnlySpan<byte> entry);
                Rfc6962.HashLeaf(entry, destination.AsSpan(i * Rfc6962.HashSize, Rfc6962.HashSize));
            }

            return;
        }

        int[] offsets = ArrayPool<int>.Shared.Rent(count);
        try
        {
            int offset = 0;
            for (int i = 0; i < count; i++)
            {
                offsets[i] = offset;
                offset += EntryBundle.LengthPrefixSize + BinaryPrimitives.ReadUInt16BigEndian(encoded.AsSpan(offset));
            }

            int chunks = (count + ChunkSize - 1) / ChunkSize;
            Parallel.For(0, chunks, chunk =>
            {
                int end = Math.Min(count, (chunk + 1) * ChunkSize);
                for (int i = chunk * ChunkSize; i < end; i++)
                {
                    int start = offsets[i];
                    int length = BinaryPrimitives.ReadUInt16BigEndian(encoded.AsSpan(start));
                    Rfc6962.HashLeaf(encoded.AsSpan(start + EntryBundle.LengthPrefixSize, length), destination.AsSpan(i * Rfc6962.HashSize, Rfc6962.HashSize));
                }
            });
        }
        finally
        {
            ArrayPool<int>.Shared.Return(offsets);
        }
    }
}
