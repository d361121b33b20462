using KPops.Server.Operations;
using KPops.Server.Voting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KPops.Server.Live;

/// <summary>
/// Once a second, a consistent snapshot of the live counts (taken on the ballot pipeline's sequencer between two
/// commits, aggregated off it), kept in <see cref="Current"/>, raised through <see cref="Updated"/> for in-process
/// readers (the producer console) and pushed to <see cref="LiveCountsHub"/>'s producers. Counts leave the server
/// only through here and through published announcements. Nothing is taken while no season is loaded.
/// </summary>
public sealed partial class LiveCountFeed(VotingHost voting, IHubContext<LiveCountsHub> hub, TimeProvider time, ILogger<LiveCountFeed> logger)
    : BackgroundService
{
    /// <summary>How often the counts are taken and pushed.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>How long a snapshot may wait for the sequencer before this tick gives up (a stalled log).</summary>
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private volatile LiveCountsSnapshot? _current;

    /// <summary>The latest snapshot, or null before the first one (no season loaded yet).</summary>
    public LiveCountsSnapshot? Current => _current;

    /// <summary>Raised with each new snapshot, on a background thread. A handler that throws is logged and skipped.</summary>
    public event Action<LiveCountsSnapshot>? Updated;

    /// <summary>Takes a snapshot now, publishes it like a tick does, and returns it (null while no season is loaded).</summary>
    public async Task<LiveCountsSnapshot?> RefreshAsync(CancellationToken cancellationToken = default)
    {
        if (voting.Pipeline is not { } pipeline)
        {
            return null;
        }

        var view = await SeasonView.TakeAsync(pipeline).WaitAsync(ReadTimeout, cancellationToken);
        var snapshot = LiveCounts.From(view, time.GetUtcNow());
        _current = snapshot;
        Notify(snapshot);
        await hub.Clients.Group(LiveCountsHub.ProducersGroup).SendAsync(LiveCountsHub.CountsMethod, snapshot, cancellationToken);
        return snapshot;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
            {
                // The pipeline stopped or stalled: skip this tick, producers keep the last snapshot.
                LogSkipped(logger, exception.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Notify(LiveCountsSnapshot snapshot)
    {
        if (Updated is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Action<LiveCountsSnapshot>>())
        {
            try
            {
                handler(snapshot);
            }
#pragma warning disable CA1031 // One failing subscriber (a closed console circuit) must not stop the others or the feed.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogHandlerFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live counts skipped a tick: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live counts subscriber failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);
}
