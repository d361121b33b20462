namespace KPops.Voting.Entries;

/// <summary>The two bytes every entry starts with: the format version and the entry kind.</summary>
public static class EntryHeader
{
    /// <summary>Reads the kind of an entry without decoding its payload; never throws.</summary>
    public static EntryError Check(ReadOnlySpan<byte> entry, out EntryKind kind)
    {
        kind = 0;
        if (entry.Length < EntryFormat.HeaderSize)
        {
            return EntryError.Truncated;
        }

        if (entry.Length > EntryFormat.MaxEntrySize)
        {
            return EntryError.TooLarge;
        }

        if (entry[0] != EntryFormat.Version)
        {
            return EntryError.UnsupportedVersion;
        }

        kind = (EntryKind)entry[1];
        return kind is >= EntryKind.SeasonDefined and <= EntryKind.AnnouncementPublished
            ? EntryError.None
            : EntryError.UnknownKind;
    }
}
