namespace KPops.Voting.Entries;

/// <summary>Constants of the entry encoding described in <c>docs/log-format.md</c>.</summary>
public static class EntryFormat
{
    /// <summary>The first byte of every entry this code writes and the only one it reads.</summary>
    public const byte Version = 1;

    /// <summary>The log stores entries of at most this many bytes (tlog-tiles entry bundles use a 16-bit length).</summary>
    public const int MaxEntrySize = 65_535;

    /// <summary>Bytes before the kind-specific payload: version and kind.</summary>
    public const int HeaderSize = 2;

    /// <summary>Index fields use this value for "none" (no segment, every round).</summary>
    public const ushort NoIndex = ushort.MaxValue;
}
