using KPops.Server;
using KPops.Server.PublicLog;
using KPops.Server.Staff;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Reliability.Tests.Infrastructure;

/// <summary>
/// The real server (<see cref="KPopsServer"/>, Kestrel on a loopback port, SQLite in a temp data directory) in this
/// process, so that a test can put a storage layer under its log; with a producer account and, once
/// <see cref="PrepareShowAsync"/> ran, the reliability season open and fans signed up.
/// </summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessServer(WebApplication app, string dataDirectory, StaffCredentials producer)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Producer = producer;
        BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public StaffCredentials Producer { get; }

    public static async Task<InProcessServer> StartAsync(string dataDirectory, ILogStorageLayer? layer, CancellationToken cancellationToken)
    {
        var builder = KPopsServer.CreateBuilder([], new Dictionary<string, string?>
        {
            ["KPops:DataDirectory"] = dataDirectory,
            ["KPops:FanCodeRequestsPerMinute"] = "100000",
            ["KPops:BallotsPerAccountPerMinute"] = "0",
            ["KPops:BallotsPerAddressPerMinute"] = "0",
            // The invariants recount the served log while the round is open.
            ["KPops:Log:EmbargoEntries"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (layer is not null)
        {
            builder.Services.AddSingleton(layer);
        }

        var app = KPopsServer.Build(builder);
        await KPopsServer.PrepareDatabaseAsync(app, cancellationToken);
        StaffCredentials producer;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            producer = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateOrResetAsync("pd@faults.kpops.localhost", StaffRoles.Producer);
        }

        await app.StartAsync(cancellationToken);
        return new InProcessServer(app, dataDirectory, producer);
    }

    /// <summary>Loads and opens the reliability season and signs up <paramref name="voters"/> fans; returns a driver for them.</summary>
    public async Task<BallotDriver> PrepareShowAsync(BallotLedger ledger, int voters, CancellationToken cancellationToken)
    {
        await ShowClient.LoadAndOpenSeasonAsync(Client, cancellationToken, Producer.Email, Producer.Password);
        return new BallotDriver(await ShowClient.SignUpFansAsync(Client, DataDirectory, voters, cancellationToken), ledger);
    }

    /// <summary>The log's verifier key, as auditors fetch it.</summary>
    public string VerifierKey => _app.Services.GetRequiredService<LogHost>().VerifierKey;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
