namespace KPops.Voting.Entries;

/// <summary>How a <see cref="SeasonDefined"/> chunk's data is compressed. Persisted; values frozen by test.</summary>
public enum SeasonCompression : byte
{
    Brotli = 1,
}

/// <summary>
/// One chunk of the season file, so that a recount needs nothing but the log: the canonical season JSON
/// (UTF-8), Brotli-compressed, cut into as many entries as the 64 KiB entry limit needs. Every chunk carries
/// the SHA-256 and length of the whole uncompressed JSON, so chunks of different definitions cannot mix.
/// </summary>
public sealed record SeasonDefined(
    ushort ChunkIndex,
    ushort ChunkCount,
    SeasonCompression Compression,
    int JsonLength,
    ReadOnlyMemory<byte> JsonSha256,
    ReadOnlyMemory<byte> Data) : LogEntry
{
    public const int DigestSize = 32;

    /// <summary>Header, chunk index and count, compression, JSON length, digest and data length.</summary>
    public const int FixedSize = EntryFormat.HeaderSize + 2 + 2 + 1 + 4 + DigestSize + 2;

    public const int MaxDataPerChunk = EntryFormat.MaxEntrySize - FixedSize;

    public override EntryKind Kind => EntryKind.SeasonDefined;

    public override bool TryWrite(Span<byte> destination, out int written)
    {
        if (JsonSha256.Length != DigestSize || Data.Length > MaxDataPerChunk)
        {
            written = 0;
            return false;
        }

        var writer = new EntryWriter(destination, Kind);
        writer.WriteUInt16(ChunkIndex);
        writer.WriteUInt16(ChunkCount);
        writer.WriteByte((byte)Compression);
        writer.WriteInt32(JsonLength);
        writer.WriteBytes(JsonSha256.Span);
        writer.WriteUInt16((ushort)Data.Length);
        writer.WriteBytes(Data.Span);
        return writer.TryFinish(out written);
    }

    internal static SeasonDefined? Read(ReadOnlySpan<byte> entry, out EntryError error)
    {
        if (!EntryReader.TryOpen(entry, EntryKind.SeasonDefined, out var reader, out error))
        {
            return null;
        }

        var index = reader.ReadUInt16();
        var count = reader.ReadUInt16();
        var compression = (SeasonCompression)reader.ReadByte();
        var length = reader.ReadInt32();
        var digest = reader.ReadBytes(DigestSize).ToArray();
        var data = reader.ReadBytes(reader.ReadUInt16()).ToArray();
        if (!reader.Failed && (count == 0 || index >= count || length <= 0 || !Enum.IsDefined(compression)))
        {
            reader.Fail(EntryError.InvalidField);
        }

        return reader.TryFinish(out error) ? new SeasonDefined(index, count, compression, length, digest, data) : null;
    }

    public bool Equals(SeasonDefined? other) =>
        other is not null
        && ChunkIndex == other.ChunkIndex
        && ChunkCount == other.ChunkCount
        && Compression == other.Compression
        && JsonLength == other.JsonLength
        && JsonSha256.Span.SequenceEqual(other.JsonSha256.Span)
        && Data.Span.SequenceEqual(other.Data.Span);

    public override int GetHashCode() => HashCode.Combine(ChunkIndex, ChunkCount, JsonLength);
}
