using KPops.Server.Fans;
using KPops.Server.Hosting;
using KPops.Server.Integrity;
using KPops.Server.Live;
using KPops.Server.Operations;
using KPops.Server.Partners;
using KPops.Server.Problems;
using KPops.Server.PublicLog;
using KPops.Server.Seasons;
using KPops.Server.Staff;
using KPops.Server.Storage;
using KPops.Server.Telemetry;
using KPops.Server.Voting;
using KPops.Server.Web;
using KPops.Server.Web.Console;
using KPops.Server.Witnesses;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KPops.Server;

/// <summary>
/// Builds the KPops web application. Hosts (<c>kpops serve</c>, <c>kpops demo</c>, tests) call
/// <see cref="CreateBuilder"/>, may adjust the builder (e.g. a test server), then <see cref="Build"/> and run it.
/// </summary>
public static class KPopsServer
{
    private static readonly Dictionary<string, string?> QuietFrameworkLogging = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    /// <param name="args">Command-line style configuration (<c>--urls</c>, <c>--KPops:DataDirectory=...</c>).</param>
    /// <param name="settings">Configuration that wins over appsettings and the environment (the hosts' flags).</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Defaults first, so appsettings.json and the environment override them: SQL and request traces are
        // for debugging, not for a server's everyday log.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietFrameworkLogging });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddKPopsOptions();
        builder.Services.AddKPopsProblemDetails();
        builder.Services.AddKPopsStorage(builder.Configuration);
        builder.Services.AddKPopsSessionKeys();
        builder.Services.AddKPopsStaff();
        builder.Services.AddKPopsLog();
        builder.Services.AddKPopsWitnesses();
        builder.Services.AddKPopsTelemetry();
        builder.Services.AddKPopsApiDocs();
        builder.Services.AddHostedService<ServerStartup>();
        builder.Services.AddKPopsVoting();
        builder.Services.AddKPopsFans();
        builder.Services.AddKPopsPartners();
        builder.Services.AddKPopsRequestLimits();
        builder.Services.AddKPopsBallotRateLimits();
        builder.Services.AddKPopsIntegrity();
        builder.Services.AddKPopsOperations();
        builder.Services.AddKPopsLiveCounts();
        builder.Services.AddKPopsWeb();
        builder.Services.AddKPopsConsole();
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        // First (after routing, which WebApplication puts at the start): the ballot handler answers failures itself as the
        // problem-details middleware would, and every answer it writes has a body, so status-code pages have nothing to do.
        app.UseKPopsVoterBallotLane();
        app.UseKPopsProblemDetails();
        app.UseKPopsWebStaticFiles();
        app.UseKPopsWebLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication (tokens are per user) and before the endpoints: validates the Blazor forms' tokens.
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.UseKPopsRequestLimits();

        app.MapHealthApi();
        app.MapApiDocs();
        app.MapMetricsApi();
        app.MapLogApi();
        app.MapStaffApi();
        app.MapSeasonsApi();
        app.MapRoundsApi();
        app.MapBallotsApi();
        app.MapFansApi();
        app.MapPartnersApi();
        app.MapIntegrityApi();
        app.MapOperationsApi();
        app.MapLiveCountsHub();
        app.MapKPopsConsole();
        app.MapKPopsWeb();
        return app;
    }

    /// <summary>Applies migrations and creates roles without starting the server (for <c>kpops staff add</c> and <c>kpops demo</c>).</summary>
    public static Task PrepareDatabaseAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        return ServerStartup.PrepareDatabaseAsync(app.Services, cancellationToken);
    }

    /// <summary>Session cookies and bearer tokens stay valid across restarts: their keys live in the data directory.</summary>
    private static IServiceCollection AddKPopsSessionKeys(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("KPops");
        services.AddOptions<KeyManagementOptions>().Configure<DataDirectory, ILoggerFactory>((options, data, loggers) =>
            options.XmlRepository = new FileSystemXmlRepository(data.CreatePrivateDirectory("keys"), loggers));
        return services;
    }
}
