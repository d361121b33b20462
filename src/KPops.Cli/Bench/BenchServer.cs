using System.Globalization;
using KPops.Format.Model;
using KPops.Server;
using KPops.Server.Demo;
using KPops.Server.Fans;
using KPops.Server.Voting;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KPops.Cli.Bench;

/// <summary>
/// The real KPops server for the HTTP benchmarks, in this process, on a free 127.0.0.1 port and a temporary data
/// directory (removed on dispose), with the benchmark season loaded and its round open: 101 trainees, one pick, one
/// ballot per voter for the whole round (so every ballot needs a voter of its own). Per-account and per-address ballot
/// rate limits are off — the load generator is one address sending for a million accounts.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    public const string RoundId = "final";

    private readonly WebApplication _app;

    private BenchServer(WebApplication app, string dataDirectory, Uri address)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Address = address;
    }

    public string DataDirectory { get; }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    public BallotPipeline Pipeline => _app.Services.GetRequiredService<VotingHost>().Pipeline
        ?? throw new InvalidOperationException("the benchmark season is not loaded");

    public static async Task<BenchServer> StartAsync(CancellationToken cancellationToken = default)
    {
        string data = Path.Combine(Path.GetTempPath(), "kpops-bench-http-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?>
        {
            [$"{ServerOptions.Section}:{nameof(ServerOptions.DataDirectory)}"] = data,
            // 0 turns a limit off (see ServerOptions): all the load comes from one address.
            [$"{ServerOptions.Section}:{nameof(ServerOptions.BallotsPerAccountPerMinute)}"] = "0",
            [$"{ServerOptions.Section}:{nameof(ServerOptions.BallotsPerAddressPerMinute)}"] = "0",
        };
        var builder = KPopsServer.CreateBuilder(["--urls", "http://127.0.0.1:0"], settings);
        builder.Logging.ClearProviders();
        var app = KPopsServer.Build(builder);
        try
        {
            await KPopsServer.PrepareDatabaseAsync(app, cancellationToken);
            await DemoSeed.LoadSeasonAsync(app.Services, Season(DateTimeOffset.UtcNow), cancellationToken);
            await app.StartAsync(cancellationToken);
            return new BenchServer(app, data, new Uri(app.Urls.First().TrimEnd('/') + "/"));
        }
        catch
        {
            await app.DisposeAsync();
            DeleteData(data);
            throw;
        }
    }

    /// <summary>
    /// Writes <paramref name="count"/> voter tokens, each for a new fan account id, one per line, spread over
    /// <paramref name="files"/> files (one per load-generator thread). Tokens are minted by the server's own
    /// <see cref="VoterTokens"/> (valid for an hour), as <c>POST /api/fans/verify</c> would hand them out to fans who
    /// signed up just now — the finale's crowd of new accounts, which the integrity monitor's cohort detector follows.
    /// </summary>
    public void WriteVoterTokens(IReadOnlyList<string> files, long count)
    {
        var tokens = _app.Services.GetRequiredService<VoterTokens>();
        var verifiedAt = DateTimeOffset.UtcNow;
        long perFile = (count + files.Count - 1) / files.Count;
        Parallel.For(0, files.Count, f =>
        {
            using var writer = new StreamWriter(files[f], append: false, System.Text.Encoding.ASCII, bufferSize: 1 << 16);
            for (long i = 0; i < perFile; i++)
            {
                writer.Write(tokens.Issue(Guid.NewGuid(), verifiedAt));
                writer.Write('\n');
            }
        });
    }

    /// <summary>Closes the round (the finale's close), as a producer's <c>POST /api/rounds/final/close</c> does.</summary>
    public async Task CloseRoundAsync()
    {
        var outcome = await Pipeline.AppendAsync(new RoundClosed((ushort)Pipeline.Season.RoundIndex(RoundId), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        if (outcome.Status != SubmitStatus.Accepted)
        {
            throw new InvalidOperationException($"closing the round failed: {outcome.Status} {outcome.Problem}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        DeleteData(DataDirectory);
    }

    /// <summary>The baselines' workload as a season, its one round open from an hour ago for a day.</summary>
    internal static Season Season(DateTimeOffset now) =>
        BenchSeason.Create("bench-http", new LocalizedText("HTTP 벤치마크", "HTTP benchmark"), now.AddHours(-1), now.AddDays(1));

    private static void DeleteData(string data)
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
