using KPops.Log;

namespace KPops.Fuzz;

/// <summary>
/// A small log built the way the server builds one (<see cref="TransparencyLog"/> over <see cref="MemoryLogStorage"/>):
/// 300 entries, then 250 more, so it has full and partial leaf tiles, a partial level-1 tile, and an older checkpoint
/// whose partial tiles are still served. <see cref="Resources"/> is everything a tile client may fetch.
/// </summary>
public sealed class SampleLog
{
    public const int OlderSize = 300;
    public const int Size = 550;

    private SampleLog(IReadOnlyList<byte[]> entries, SignedCheckpoint older, SignedCheckpoint newer,
        IReadOnlyDictionary<string, byte[]> resources, Func<long, long, byte[][]> inclusion)
    {
        Entries = entries;
        Older = older;
        Newer = newer;
        Resources = resources;
        ResourcePaths = resources.Keys.Order(StringComparer.Ordinal).ToArray();
        _inclusion = inclusion;
    }

    private readonly Func<long, long, byte[][]> _inclusion;

    public IReadOnlyList<byte[]> Entries { get; }

    public SignedCheckpoint Older { get; }

    public SignedCheckpoint Newer { get; }

    /// <summary>Path → bytes for <c>checkpoint</c> (the newer one) and every tile and bundle of both trees.</summary>
    public IReadOnlyDictionary<string, byte[]> Resources { get; }

    public IReadOnlyList<string> ResourcePaths { get; }

    /// <summary>The inclusion proof of an entry in a tree of the given size.</summary>
    public byte[][] InclusionProof(long index, long treeSize) => _inclusion(index, treeSize);

    public static byte[] EntryBytes(int index)
    {
        var entry = new byte[(index * 7) % 61];
        for (int i = 0; i < entry.Length; i++)
        {
            entry[i] = (byte)(index + i);
        }

        return entry;
    }

    internal static SampleLog Build()
    {
        var storage = new MemoryLogStorage();
        var log = TransparencyLog.Open(storage, FuzzFixture.Signer, FuzzFixture.Origin);
        var entries = new List<byte[]>();
        using var batch = new EntryBatch();
        SignedCheckpoint older = Append(log, batch, entries, OlderSize);
        SignedCheckpoint newer = Append(log, batch, entries, Size - OlderSize);

        var source = new LogTileSource(log);
        var resources = new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["checkpoint"] = newer.Note.ToArray() };
        foreach (long size in new long[] { OlderSize, Size })
        {
            foreach (TilePath tile in TileLayout.HashTiles(size).Concat(TileLayout.EntryBundles(size)))
            {
                string path = tile.ToString();
                resources[path] = source.ReadAsync(path).AsTask().GetAwaiter().GetResult()
                    ?? throw new InvalidOperationException($"The sample log does not serve {path}.");
            }
        }

        // The log stays open for proofs; it lives as long as the process, like the fixture.
        return new SampleLog(entries, older, newer, resources, log.InclusionProof);
    }

    private static SignedCheckpoint Append(TransparencyLog log, EntryBatch batch, List<byte[]> entries, int count)
    {
        batch.Clear();
        for (int i = 0; i < count; i++)
        {
            byte[] entry = EntryBytes(entries.Count);
            entries.Add(entry);
            batch.Add(entry);
        }

        return log.AppendBatch(batch).Checkpoint;
    }
}
