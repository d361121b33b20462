using KPops.Log;
using KPops.Server.PublicLog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KPops.Server.Witnesses;

/// <summary>
/// Submits the log's checkpoint to every configured witness in the background. It reads the committed checkpoint
/// from storage (never touching the ballot pipeline), and each witness has its own loop: when the checkpoint has
/// changed since that witness last cosigned, it is submitted — at most once per interval, so a busy log is witnessed
/// at its latest state rather than at every batch, and a slow or dead witness delays nobody else.
/// </summary>
internal sealed partial class WitnessSubmitter(
    LogHost log, CheckpointCosignatures published, IOptions<WitnessOptions> options, ILogger<WitnessSubmitter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Servers.Count == 0)
        {
            return;
        }

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(settings.RequestTimeoutSeconds),
        };
        var tree = new TileLevelHashReader(log.Storage);
        var interval = TimeSpan.FromMilliseconds(settings.SubmitIntervalMilliseconds);
        var loops = settings.Servers.Select(server =>
            RunAsync(new WitnessClient(http, new Uri(server.Url), CosignatureVerifier.Parse(server.Key), tree, published, logger), interval, stoppingToken));
        await Task.WhenAll(loops);
    }

    private async Task RunAsync(WitnessClient witness, TimeSpan interval, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                byte[]? note = log.Storage.ReadCheckpoint();
                if (note is null || witness.HasCosigned(note)
                    || !SignedNote.TryParseUnverified(note, out string? text, out _) || !Checkpoint.TryParse(text, out Checkpoint? checkpoint, out _))
                {
                    continue;
                }

                await witness.SubmitAsync(note, checkpoint, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed round must not stop witnessing for the life of the server.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(logger, witness.Key.Name, exception);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Submitting the checkpoint to witness {Witness} failed")]
    private static partial void LogFailed(ILogger logger, string witness, Exception exception);
}
