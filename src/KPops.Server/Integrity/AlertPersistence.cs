using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KPops.Server.Integrity;

/// <summary>
/// Saves what changed in the <see cref="AlertStore"/> to its <see cref="IAlertArchive"/> every second, off the ballot
/// path (a burst can extend an alert per ballot; the database sees one write per alert per second), and once more
/// when the server stops. A failed save is retried with the next one.
/// </summary>
public sealed partial class AlertPersistence(AlertStore alerts, IAlertArchive archive, TimeProvider time, ILogger<AlertPersistence> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Loads the stored alerts now rather than on the first ballot or review.
        alerts.List(AlertStatus.Open);
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SaveAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync saves the rest.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await SaveAsync(cancellationToken);
    }

    /// <summary>Saves the changes since the last save now.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var (changed, forgotten) = alerts.TakeChanges();
        if (changed.Count == 0 && forgotten.Count == 0)
        {
            return;
        }

        try
        {
            await archive.SaveAsync(changed, forgotten, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            alerts.ReturnChanges(changed, forgotten);
            LogSaveFailed(logger, exception, changed.Count + forgotten.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving {Count} integrity alert change(s) failed; retrying with the next save")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, int count);
}
