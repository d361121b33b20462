using System.Text.Json;
using KPops.Format;
using KPops.Format.Model;
using KPops.Server.Hosting;
using KPops.Server.PublicLog;
using KPops.Server.Storage;
using KPops.Server.Telemetry;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KPops.Server.Voting;

/// <summary>
/// The server's one <see cref="BallotPipeline"/>, the only writer of the vote log. A log defines exactly one season,
/// so the pipeline opens at start-up when the log already has entries, or when the data directory's first season is
/// loaded (<see cref="DefineSeasonAsync"/>: demo seed, <c>POST /api/seasons</c>), whose definition it then appends.
/// Seasons loaded after that are stored but not in this log. Disposed (queue drained) when the server shuts down,
/// before the <see cref="LogHost"/> it borrows storage and signer from.
/// </summary>
public sealed partial class VotingHost(
    LogHost log, DataDirectory data, KPopsMetrics metrics, IServiceProvider services, ILogger<VotingHost> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private volatile BallotPipeline? _pipeline;

    /// <summary>The running pipeline, or null while no season is loaded.</summary>
    public BallotPipeline? Pipeline => _pipeline;

    /// <summary>Turns account ids into voter pseudonyms with the data directory's secret.</summary>
    public VoterPseudonymizer Pseudonyms { get; } = PseudonymSecretFile.LoadOrCreate(data);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (log.SizeAtStart > 0)
        {
            await OpenAsync(season: null, cancellationToken);
            return;
        }

        Season? first = await FirstLoadedSeasonAsync(cancellationToken);
        if (first is not null)
        {
            await OpenAsync(first, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Makes <paramref name="season"/> the log's season if the log has none yet (appending its definition through
    /// the pipeline); otherwise leaves the log as it is. Returns whether the log defines this season.
    /// </summary>
    public async Task<bool> DefineSeasonAsync(Season season, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(season);
        var pipeline = _pipeline ?? await OpenAsync(season, cancellationToken);
        return pipeline.Season.Season.Id == season.Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (_pipeline is { } pipeline)
        {
            _pipeline = null;
            await pipeline.DisposeAsync();
        }

        _opening.Dispose();
    }

    private async Task<BallotPipeline> OpenAsync(Season? season, CancellationToken cancellationToken)
    {
        await _opening.WaitAsync(cancellationToken);
        try
        {
            if (_pipeline is { } open)
            {
                return open;
            }

            // Open replays the whole log: keep it off the caller's request thread.
            var pipeline = await Task.Run(() => BallotPipeline.Open(log.Storage, log.Signer, log.Origin, season), cancellationToken);
            LogOpened(logger, pipeline.Season.Season.Id, pipeline.LogSize, pipeline.StartupReplay.Elapsed.TotalMilliseconds);
            metrics.ObserveQueueDepth(() => pipeline.QueuedBallots);
            pipeline.BatchCommitted += metrics.BatchCommitted;
            _pipeline = pipeline;
            return pipeline;
        }
        finally
        {
            _opening.Release();
        }
    }

    private async Task<Season?> FirstLoadedSeasonAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
        // Ordered here: SQLite cannot order by DateTimeOffset, and a data directory holds few seasons.
        var records = await db.Seasons.AsNoTracking().ToListAsync(cancellationToken);
        SeasonRecord? record = records.OrderBy(s => s.LoadedAt).ThenBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault();
        return record is null ? null : JsonSerializer.Deserialize<Season>(record.Json, SeasonJson.Options);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Vote log open for season {SeasonId}: {Entries} entries replayed in {ElapsedMs:F0} ms")]
    private static partial void LogOpened(ILogger logger, string seasonId, long entries, double elapsedMs);
}
