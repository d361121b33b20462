using KPops.Log;
using KPops.Server.Hosting;
using Microsoft.Extensions.Options;

namespace KPops.Server.PublicLog;

/// <summary>
/// The server's vote log on disk: <see cref="FileLogStorage"/> in <c>&lt;data&gt;/log</c>, signed with the key in
/// <c>&lt;data&gt;/log-signer.key</c> (created on first start). It is opened — and recovered — once at construction to
/// check the key and origin and to give a new log its empty checkpoint; after that the only writer is the ballot
/// pipeline (<see cref="Voting.VotingHost"/>), and the public endpoints read the same storage through
/// <see cref="Tiles"/>.
/// </summary>
public sealed class LogHost : IDisposable
{
    public const string SignerKeyFileName = "log-signer.key";
    public const string StorageDirectoryName = "log";

    public LogHost(DataDirectory data, IOptions<LogOptions> options, IEnumerable<ILogStorageLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(layers);
        Origin = options.Value.Origin;
        Signer = SignerKeyFile.LoadOrCreate(data.PathOf(SignerKeyFileName), Origin);
        try
        {
            Storage = FileLogStorage.Open(data.PathOf(StorageDirectoryName));
            foreach (ILogStorageLayer layer in layers)
            {
                Storage = layer.Wrap(Storage);
            }

            using var log = TransparencyLog.Open(Storage, Signer, Origin);
            SizeAtStart = log.Size;
        }
        catch
        {
            Storage?.Dispose();
            Signer.Dispose();
            throw;
        }

        // Served from storage, bounded by the stored checkpoint, so the endpoints only ever show committed data
        // whoever appends.
        Tiles = new StorageTileSource(Storage);
    }

    /// <summary>
    /// The log's storage (<see cref="FileLogStorage"/>, wrapped by any registered <see cref="ILogStorageLayer"/>); the
    /// ballot pipeline writes it, the endpoints read it.
    /// </summary>
    public ILogStorage Storage { get; }

    /// <summary>The checkpoint signer (secret; owned here, lent to the pipeline).</summary>
    public NoteSigner Signer { get; }

    /// <summary>Entries the log held when the server started (0 for a new log).</summary>
    public long SizeAtStart { get; }

    /// <summary>The checkpoint and tiles at their tlog-tiles paths, committed (checkpointed) data only.</summary>
    public ITileSource Tiles { get; }

    public string Origin { get; }

    /// <summary>The signed-note verifier key text auditors need (public).</summary>
    public string VerifierKey => Signer.Verifier.KeyText;

    public void Dispose()
    {
        Storage.Dispose();
        Signer.Dispose();
    }
}
