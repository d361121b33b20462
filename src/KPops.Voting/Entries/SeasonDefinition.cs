using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using KPops.Format;
using KPops.Format.Model;

namespace KPops.Voting.Entries;

/// <summary>Turns a season into its <see cref="SeasonDefined"/> chunks and back.</summary>
public static class SeasonDefinition
{
    /// <summary>
    /// A definition whose JSON is larger than this is refused on decode: the length field is untrusted, and a
    /// season of a few hundred trainees is far below it.
    /// </summary>
    public const int MaxJsonLength = 16 * 1024 * 1024;

    /// <summary>The chunks that define <paramref name="season"/> in the log, in order.</summary>
    public static IReadOnlyList<SeasonDefined> ToChunks(Season season)
    {
        var json = Encoding.UTF8.GetBytes(SeasonFile.Serialize(season));
        var digest = SHA256.HashData(json);
        var compressed = Compress(json);
        var count = Math.Max(1, (compressed.Length + SeasonDefined.MaxDataPerChunk - 1) / SeasonDefined.MaxDataPerChunk);
        if (count > ushort.MaxValue)
        {
            ThrowHelper.InvalidSeason("The season file is too large for the log.");
        }

        var chunks = new SeasonDefined[count];
        for (var i = 0; i < count; i++)
        {
            var start = i * SeasonDefined.MaxDataPerChunk;
            var length = Math.Min(SeasonDefined.MaxDataPerChunk, compressed.Length - start);
            chunks[i] = new SeasonDefined((ushort)i, (ushort)count, SeasonCompression.Brotli, json.Length, digest, compressed.AsMemory(start, length));
        }

        return chunks;
    }

    private static byte[] Compress(byte[] json)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            brotli.Write(json);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Decompresses and checks a complete, ordered set of chunks and parses the season file it holds.
    /// Returns null with a reason when the chunks are inconsistent, the JSON does not match its digest, or the
    /// season file is invalid. Never throws on hostile chunks.
    /// </summary>
    public static Season? TryAssemble(IReadOnlyList<SeasonDefined> chunks, out string? problem)
    {
        if (chunks.Count == 0 || chunks.Count != chunks[0].ChunkCount)
        {
            problem = "the season definition is incomplete";
            return null;
        }

        var first = chunks[0];
        var compressedLength = 0L;
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            if (chunk.ChunkIndex != i || chunk.ChunkCount != first.ChunkCount || chunk.JsonLength != first.JsonLength
                || chunk.Compression != first.Compression || !chunk.JsonSha256.Span.SequenceEqual(first.JsonSha256.Span))
            {
                problem = $"season chunk {i} does not belong to the same definition";
                return null;
            }

            compressedLength += chunk.Data.Length;
        }

        if (first.JsonLength > MaxJsonLength)
        {
            problem = "the season definition is larger than allowed";
            return null;
        }

        var json = TryDecompress(chunks, compressedLength, first.JsonLength);
        if (json is null || !SHA256.HashData(json).AsSpan().SequenceEqual(first.JsonSha256.Span))
        {
            problem = "the season definition does not decompress to the JSON its digest names";
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(json);
        }
        catch (DecoderFallbackException)
        {
            problem = "the season definition is not UTF-8";
            return null;
        }

        var loaded = SeasonFile.Parse(text, "season-definition");
        if (!loaded.IsValid)
        {
            problem = "the season definition is not a valid season file: "
                + string.Join("; ", loaded.Errors.Select(e => e.ToString()));
            return null;
        }

        problem = null;
        return loaded.Season;
    }

    private static byte[]? TryDecompress(IReadOnlyList<SeasonDefined> chunks, long compressedLength, int jsonLength)
    {
        var compressed = new byte[compressedLength];
        var offset = 0;
        foreach (var chunk in chunks)
        {
            chunk.Data.Span.CopyTo(compressed.AsSpan(offset));
            offset += chunk.Data.Length;
        }

        var json = new byte[jsonLength];
        return BrotliDecoder.TryDecompress(compressed, json, out var written) && written == jsonLength ? json : null;
    }
}
