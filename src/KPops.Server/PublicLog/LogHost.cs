using KPops.Log;
using KPops.Server.Hosting;
using Microsoft.Extensions.Options;

namespace KPops.Server.PublicLog;

/// <summary>
/// The server's one vote log: a <see cref="TransparencyLog"/> on <see cref="FileLogStorage"/> in
/// <c>&lt;data&gt;/log</c>, signed with the key in <c>&lt;data&gt;/log-signer.key</c> (created on first start).
/// The ballot pipeline appends through <see cref="Log"/> (one appending thread); the public endpoints read
/// through <see cref="Tiles"/>.
/// </summary>
public sealed class LogHost : IDisposable
{
    public const string SignerKeyFileName = "log-signer.key";
    public const string StorageDirectoryName = "log";

    private readonly NoteSigner _signer;
    private readonly FileLogStorage _storage;

    public LogHost(DataDirectory data, IOptions<LogOptions> options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        string origin = options.Value.Origin;
        _signer = SignerKeyFile.LoadOrCreate(data.PathOf(SignerKeyFileName), origin);
        try
        {
            _storage = FileLogStorage.Open(data.PathOf(StorageDirectoryName));
            Log = TransparencyLog.Open(_storage, _signer, origin);
        }
        catch
        {
            _storage?.Dispose();
            _signer.Dispose();
            throw;
        }

        // Served from storage, bounded by the stored checkpoint, so the endpoints do not depend on who appends
        // (this host today, the ballot pipeline's sequencer once it owns the log).
        Tiles = new StorageTileSource(_storage);
    }

    public TransparencyLog Log { get; }

    /// <summary>The checkpoint and tiles at their tlog-tiles paths, committed (checkpointed) data only.</summary>
    public ITileSource Tiles { get; }

    public string Origin => Log.Origin;

    /// <summary>The signed-note verifier key text auditors need (public).</summary>
    public string VerifierKey => Log.Verifier.KeyText;

    public void Dispose()
    {
        Log.Dispose();
        _storage.Dispose();
        _signer.Dispose();
    }
}
