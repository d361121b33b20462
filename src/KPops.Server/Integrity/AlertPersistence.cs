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

    // One save at a time: the loop's and the final one in StopAsync must not write older changes over newer ones.
    private readonly SemaphoreSlim _saving = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Loads the stored alerts now rather than on the first ballot or review.
        alerts.Load();
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // Only the wait is cancelled on stop: a save under way finishes, and StopAsync saves what is left.
                await SaveAsync(CancellationToken.None);
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
        await _saving.WaitAsync(cancellationToken);
        try
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
            catch (Exception exception)
            {
                // Whatever stopped the save (a cancelled stop too), the changes stay for the next one.
                alerts.ReturnChanges(changed, forgotten);
                if (exception is OperationCanceledException)
                {
                    throw;
                }

                LogSaveFailed(logger, exception, changed.Count + forgotten.Count);
            }
        }
        finally
        {
            _saving.Release();
        }
    }

    public override void Dispose()
    {
        _saving.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving {Count} integrity alert change(s) failed; retrying with the next save")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, int count);
}
