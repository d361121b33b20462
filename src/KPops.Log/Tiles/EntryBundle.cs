using System.Buffers.Binary;

namespace KPops.Log;

/// <summary>
/// The tlog-tiles entry bundle encoding: each entry as a big-endian uint16 length followed by its bytes.
/// The log stores entries in this exact form, so a bundle is served as a slice of the entries file.
/// </summary>
public static class EntryBundle
{
    public const int MaxEntrySize = ushort.MaxValue;
    public const int LengthPrefixSize = sizeof(ushort);

    public static int EncodedSize(int entryLength) => LengthPrefixSize + entryLength;

    /// <summary>Writes one length-prefixed entry; returns the bytes written.</summary>
    public static int Write(ReadOnlySpan<byte> entry, Span<byte> destination)
    {
        if (entry.Length > MaxEntrySize)
        {
            throw new ArgumentException($"Log entries are at most {MaxEntrySize} bytes; this one has {entry.Length}.", nameof(entry));
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)entry.Length);
        entry.CopyTo(destination[LengthPrefixSize..]);
        return LengthPrefixSize + entry.Length;
    }

    /// <summary>Counts the entries of a bundle; false if it ends inside an entry (hostile or torn input).</summary>
    public static bool TryCountEntries(ReadOnlySpan<byte> bundle, out int count)
    {
        count = 0;
        var reader = new EntryBundleReader(bundle);
        while (reader.TryReadNext(out _))
        {
            count++;
        }

        return !reader.IsMalformed;
    }

    /// <summary>
    /// Byte length of the first <paramref name="count"/> entries of <paramref name="encoded"/>, or -1 if
    /// fewer than that many complete entries are present.
    /// </summary>
    public static long PrefixLength(ReadOnlySpan<byte> encoded, int count)
    {
        var reader = new EntryBundleReader(encoded);
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadNext(out _))
            {
                return -1;
            }
        }

        return reader.Consumed;
    }
}

/// <summary>Walks a bundle entry by entry without allocating; never throws on malformed input.</summary>
public ref struct EntryBundleReader(ReadOnlySpan<byte> bundle)
{
    private readonly ReadOnlySpan<byte> _bundle = bundle;

    /// <summary>Bytes consumed by the entries read so far.</summary>
    public int Consumed { get; private set; }

    /// <summary>True once the reader met a length prefix or entry cut short by the end of the input.</summary>
    public bool IsMalformed { get; private set; }

    public readonly bool IsAtEnd => Consumed == _bundle.Length;

    public bool TryReadNext(out ReadOnlySpan<byte> entry)
    {
        entry = default;
        ReadOnlySpan<byte> rest = _bundle[Consumed..];
        if (rest.IsEmpty || IsMalformed)
        {
            return false;
        }

        if (rest.Length < EntryBundle.LengthPrefixSize)
        {
            IsMalformed = true;
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(rest);
        if (rest.Length - EntryBundle.LengthPrefixSize < length)
        {
            IsMalformed = true;
            return false;
        }

        entry = rest.Slice(EntryBundle.LengthPrefixSize, length);
        Consumed += EntryBundle.LengthPrefixSize + length;
        return true;
    }
}
