using System.Net.Http.Json;
using KPops.Server.Staff;
using KPops.Server.Tests.Infrastructure;
using KPops.Server.Voting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Tests;

/// <summary>A server of its own for the integrity tests (their thresholds and gates differ from the shared fixture's), with a season loaded and round online-1 open.</summary>
internal sealed class IntegrityTestServer : IAsyncDisposable
{
    public const string Round = "online-1";

    private readonly List<HttpClient> _clients = [];

    private IntegrityTestServer(string data, WebApplication app, HttpClient producer)
    {
        Data = data;
        App = app;
        Producer = producer;
        _clients.Add(producer);
    }

    public string Data { get; }

    public WebApplication App { get; }

    public HttpClient Producer { get; }

    public KPops.Voting.Pipeline.BallotPipeline Pipeline => App.Services.GetRequiredService<VotingHost>().Pipeline!;

    public static async Task<IntegrityTestServer> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Path.Combine(Path.GetTempPath(), "kpops-integrity-tests-" + Guid.NewGuid().ToString("N")[..8]);
        var all = new Dictionary<string, string?>(settings) { ["KPops:DataDirectory"] = data, ["KPops:FanCodeRequestsPerMinute"] = "10000" };
        var app = await ServerFixture.StartAsync(all);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateAsync(ServerFixture.EmailOf(Role.Producer), StaffRoles.Producer, ServerFixture.Password);
        }

        var producer = await ServerFixture.BearerClientAsync(app, ServerFixture.EmailOf(Role.Producer), ServerFixture.Password);
        (await producer.PostAsync("/api/seasons", Json.Content(Json.NewSeason(out _)), ct)).EnsureSuccessStatusCode();
        (await producer.PostAsync($"/api/rounds/{Round}/open", null, ct)).EnsureSuccessStatusCode();
        (await producer.PostAsJsonAsync($"/api/rounds/{Round}/extend", new { reason = "test round", closesAt = DateTimeOffset.UtcNow.AddDays(7) }, ct)).EnsureSuccessStatusCode();
        return new IntegrityTestServer(data, app, producer);
    }

    /// <summary>A fan signed up by one-time code, voting with a voter token (a fan account, so its creation time is known).</summary>
    public async Task<HttpClient> VoterAsync()
    {
        var client = await FanCodes.VoterClientAsync(App, Data);
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(Data))
        {
            Directory.Delete(Data, recursive: true);
        }
    }
}
