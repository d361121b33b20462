namespace KPops.Voting.Entries;

/// <summary>Why bytes could not be decoded as an entry. Decoders report these instead of throwing.</summary>
public enum EntryError : byte
{
    None = 0,

    /// <summary>The bytes end before the entry does.</summary>
    Truncated = 1,

    /// <summary>The first byte is not a format version this code reads.</summary>
    UnsupportedVersion = 2,

    /// <summary>The second byte names no known entry kind.</summary>
    UnknownKind = 3,

    /// <summary>The kind is known but not the one the caller asked to decode.</summary>
    WrongKind = 4,

    /// <summary>A field holds a value outside its domain (an enum, a count, a flag).</summary>
    InvalidField = 5,

    /// <summary>Bytes remain after the entry's last field.</summary>
    TrailingBytes = 6,

    /// <summary>Text is not valid UTF-8.</summary>
    InvalidText = 7,

    /// <summary>The encoded entry would exceed <see cref="EntryFormat.MaxEntrySize"/>.</summary>
    TooLarge = 8,
}
