using KPops.Log;
using KPops.Server.PublicLog;

namespace KPops.Reliability.Tests.Infrastructure;

/// <summary>Puts a test's storage wrapper between the server's log and its files (the server's <see cref="ILogStorageLayer"/> hook).</summary>
internal sealed class StorageLayer<T>(Func<ILogStorage, T> wrap) : ILogStorageLayer
    where T : ILogStorage
{
    /// <summary>The wrapper the server is using, once it has started.</summary>
    public T? Storage { get; private set; }

    public ILogStorage Wrap(ILogStorage storage)
    {
        Storage = wrap(storage);
        return Storage;
    }
}
