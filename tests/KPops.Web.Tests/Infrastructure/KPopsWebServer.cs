using KPops.Format;
using KPops.Format.Model;
using KPops.Server;
using KPops.Server.Demo;
using KPops.Server.Staff;
using KPops.Server.Storage;
using KPops.Server.Voting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KPops.Web.Tests.Infrastructure;

/// <summary>
/// The real KPops server, in this process, listening on a free loopback port (Kestrel, so a real browser can reach
/// it), on a fresh temporary data directory with the demo season and one staff account per role seeded by
/// <see cref="DemoSeed"/>. Use it as a class fixture: each test class gets its own server, so tests never share
/// round state with another class. Stopped and its data directory deleted when the class is done.
/// </summary>
public class KPopsWebServer : IAsyncLifetime
{
    private WebApplication? _app;
    private DemoSetup? _demo;

    /// <summary>The preset the server seeds; override to run a class against another format.</summary>
    protected virtual string Preset => DemoSeed.DefaultPreset;

    /// <summary>
    /// A season to make the log's season instead of the preset (e.g. the preset with an evaluation added); the demo
    /// seed then only adds the staff accounts, since a log counts the first season it is given.
    /// </summary>
    protected virtual Season? SeasonToLoad => null;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "kpops-web-tests-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public WebApplication App => _app ?? throw new InvalidOperationException("The server is not started.");

    public IServiceProvider Services => App.Services;

    /// <summary>The season the log counts (the preset, or <see cref="SeasonToLoad"/>).</summary>
    public Season Season => Voting.Pipeline?.Season.Season ?? Demo.Season;

    public DemoSetup Demo => _demo ?? throw new InvalidOperationException("The server is not started.");

    public StaffCredentials Producer => StaffOf(StaffRoles.Producer);

    public StaffCredentials Mentor => StaffOf(StaffRoles.Mentor);

    public StaffCredentials Auditor => StaffOf(StaffRoles.Auditor);

    /// <summary>The server's ballot pipeline host (to inject ballots or read the log in-process).</summary>
    public VotingHost Voting => Services.GetRequiredService<VotingHost>();

    /// <summary>An absolute URL on this server for <paramref name="path"/> (e.g. <c>/console</c>).</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public ValueTask InitializeAsync() => StartAsync(firstStart: true);

    /// <summary>
    /// Stops the server and starts it again on the same data directory, as an operator restarting the process would:
    /// the log, the database and every file in the directory are kept; it listens on a new free port (see
    /// <see cref="BaseAddress"/>), and the demo seed resets the staff passwords (read them again from <see cref="Demo"/>).
    /// </summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync(firstStart: false);
    }

    private async ValueTask StartAsync(bool firstStart)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{ServerOptions.Section}:{nameof(ServerOptions.DataDirectory)}"] = DataDirectory,
            // Every browser test comes from 127.0.0.1: the per-address code limit has its own server test.
            [$"{ServerOptions.Section}:{nameof(ServerOptions.FanCodeRequestsPerMinute)}"] = "10000",
        };
        var builder = KPopsServer.CreateBuilder(["--urls", "http://127.0.0.1:0"], settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ArtifactLoggerProvider(Artifacts.ServerLogPath(GetType().Name + "-" + Path.GetFileName(DataDirectory))));
        _app = KPopsServer.Build(builder);
        await KPopsServer.PrepareDatabaseAsync(_app);
        if (firstStart && SeasonToLoad is { } season)
        {
            await LoadSeasonAsync(_app.Services, season);
        }

        _demo = await DemoSeed.SeedAsync(_app.Services, Preset);
        await _app.StartAsync();
        // Port 0 asks Kestrel for a free port; after start the address list holds the one it bound.
        BaseAddress = new Uri(_app.Urls.First().TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private static async Task LoadSeasonAsync(IServiceProvider services, Season season)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
            db.Seasons.Add(new SeasonRecord { Id = season.Id, Json = SeasonFile.Serialize(season), LoadedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await services.GetRequiredService<VotingHost>().DefineSeasonAsync(season);
    }

    private StaffCredentials StaffOf(string role) => Demo.Staff.Single(staff => staff.Role == role);
}
