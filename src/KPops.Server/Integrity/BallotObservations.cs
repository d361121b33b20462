using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace KPops.Server.Integrity;

/// <summary>What the ballot route knows about an accepted ballot that the log does not hold.</summary>
/// <param name="LogIndex">The ballot's entry index (its receipt's).</param>
/// <param name="Network">The client's network prefix.</param>
/// <param name="Device">Hash of the device id header, 0 when absent.</param>
/// <param name="AccountId">The voter's account id, to look up when the account was created; never leaves the server.</param>
/// <param name="CreatedMinute">When the account was created (Unix minutes) if the voter token said so, else -1 (looked up).</param>
public readonly record struct BallotSighting(long LogIndex, NetworkPrefix Network, ulong Device, string? AccountId, long CreatedMinute = -1);

/// <summary>
/// The bounded hand-off from the ballot route to the detectors: the route only enqueues, never waits. When the
/// detectors fall behind, sightings are dropped and counted — a ballot is never slowed or refused for them.
/// </summary>
public sealed class BallotObservations(IOptions<IntegrityOptions> options)
{
    private readonly Channel<BallotSighting> _channel = Channel.CreateBounded<BallotSighting>(
        new BoundedChannelOptions(options.Value.ObservationQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private long _dropped;

    public ChannelReader<BallotSighting> Reader => _channel.Reader;

    /// <summary>Sightings dropped because the detectors were behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Enqueue(in BallotSighting sighting)
    {
        if (!_channel.Writer.TryWrite(sighting))
        {
            Interlocked.Increment(ref _dropped);
        }
    }
}
