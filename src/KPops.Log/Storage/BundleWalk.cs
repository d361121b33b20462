namespace KPops.Log;

/// <summary>Offsets shared by the storage backends, which both keep entries in bundle encoding plus one offset per bundle.</summary>
internal static class BundleWalk
{
    /// <summary>
    /// Calls <paramref name="onBundleStart"/> with the byte offset of every entry whose index starts a bundle
    /// (a multiple of 256) among the <paramref name="count"/> encoded entries appended after <paramref name="firstIndex"/>.
    /// Returns false if the encoding does not hold exactly <paramref name="count"/> entries.
    /// </summary>
    public static bool ForEachBundleStart(ReadOnlySpan<byte> encoded, int count, long firstIndex, long baseOffset, Action<long> onBundleStart)
    {
        var reader = new EntryBundleReader(encoded);
        for (int i = 0; i < count; i++)
        {
            int offset = reader.Consumed;
            if (!reader.TryReadNext(out _))
            {
                return false;
            }

            if (((firstIndex + i) & (TileLayout.TileWidth - 1)) == 0)
            {
                onBundleStart(baseOffset + offset);
            }
        }

        return reader.IsAtEnd;
    }

    /// <summary>Slices entries [skip, skip + count) out of a run of encoded entries; throws if they are not all there.</summary>
    public static byte[] Slice(ReadOnlySpan<byte> run, int skip, int count)
    {
        long begin = EntryBundle.PrefixLength(run, skip);
        long length = begin < 0 ? -1 : EntryBundle.PrefixLength(run[(int)begin..], count);
        if (length < 0)
        {
            throw new InvalidDataException("The stored entries end before the requested range.");
        }

        return run.Slice((int)begin, (int)length).ToArray();
    }
}
