using KPops.Log;

namespace KPops.Server.PublicLog;

/// <summary>
/// A layer between the vote log and its files: every one registered in DI wraps the <see cref="FileLogStorage"/>
/// (in registration order) before <see cref="LogHost"/> opens the log, so everything — the ballot pipeline and the
/// public endpoints — goes through it. None is registered by the server itself; the reliability tests register
/// fault-injecting and slow storage (tests/KPops.Reliability.Tests), and a deployment could add e.g. I/O metrics.
/// The wrapper owns what it wraps: disposing it must dispose the inner storage.
/// </summary>
public interface ILogStorageLayer
{
    ILogStorage Wrap(ILogStorage storage);
}
