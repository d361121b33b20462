using System.Text;
using KPops.Format;
using KPops.Log;
using KPops.Server.PublicLog;
using KPops.Voting.Entries;

namespace KPops.Server.Tests.Infrastructure;

/// <summary>
/// A SQLite server started on a data directory that already holds a log of <see cref="EntryCount"/> entries (a season
/// definition, then opaque entries) written with its own signer key — as if an earlier run had written it — so the
/// log endpoints have one full bundle and one partial bundle to serve. What the writer saw is kept for comparison.
/// </summary>
public sealed class PrewrittenLogFixture : ServerFixture
{
    public const int EntryCount = 300;

    public IReadOnlyList<byte[]> Entries { get; private set; } = [];

    public byte[] CheckpointNote { get; private set; } = [];

    public string Origin { get; } = new LogOptions().Origin;

    public IReadOnlyDictionary<string, byte[]> Tiles { get; private set; } = new Dictionary<string, byte[]>();

    protected override Task<IReadOnlyDictionary<string, string?>> DatabaseSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    protected override void PrepareDataDirectory()
    {
        Directory.CreateDirectory(DataDirectory);
        using var signer = NoteSigner.Generate(Origin);
        File.WriteAllText(Path.Combine(DataDirectory, LogHost.SignerKeyFileName), signer.ExportSignerKey() + "\n");
        using var storage = FileLogStorage.Open(Path.Combine(DataDirectory, LogHost.StorageDirectoryName));
        using var log = TransparencyLog.Open(storage, signer, Origin);

        var entries = SeasonDefinition.ToChunks(Presets.Load("produce-x-101")).Select(chunk => chunk.ToBytes()).ToList();
        entries.AddRange(Enumerable.Range(entries.Count, EntryCount - entries.Count).Select(i => Encoding.UTF8.GetBytes($"entry {i}")));
        log.AppendBatch(entries.Select(e => (ReadOnlyMemory<byte>)e).ToArray());

        Entries = entries;
        CheckpointNote = log.Checkpoint.Note.ToArray();
        Tiles = new[] { "tile/0/000", "tile/entries/000", "tile/1/000.p/1", "tile/entries/001.p/44" }
            .ToDictionary(path => path, path => log.ReadTile(TilePath.Parse(path)) ?? throw new InvalidOperationException($"The log has no {path}."));
    }
}
