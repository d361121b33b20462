using System.Net;
using KPops.Log;
using KPops.Server.Demo;
using KPops.Server.PublicLog;
using KPops.Server.Staff;
using KPops.Server.Tests.Infrastructure;
using KPops.Server.Voting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Tests;

/// <summary>The server's one ballot pipeline: when it opens, what it appends, and what survives a restart.</summary>
public sealed class VotingHostTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kpops-voting-host-tests-" + Guid.NewGuid().ToString("N")[..8]);

    private Dictionary<string, string?> Settings => new() { ["KPops:DataDirectory"] = _data };

    [Fact]
    public async Task Loading_the_first_season_appends_its_definition_to_a_log_that_verifies()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await ServerFixture.StartAsync(Settings);
        using var producer = await ProducerAsync(app);
        long before = await CheckpointSizeAsync(app);

        using var created = await producer.PostAsync("/api/seasons", Json.Content(Json.NewSeason(out string id)), ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(0, before);
        Checkpoint head = await VerifiedCheckpointAsync(app);
        Assert.True(head.Size > 0);
        BallotPipelineState(app, id, head.Size);
    }

    [Fact]
    public async Task Later_seasons_are_stored_but_do_not_enter_the_log()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await ServerFixture.StartAsync(Settings);
        using var producer = await ProducerAsync(app);
        (await producer.PostAsync("/api/seasons", Json.Content(Json.NewSeason(out string first)), ct)).EnsureSuccessStatusCode();
        long size = await CheckpointSizeAsync(app);

        using var second = await producer.PostAsync("/api/seasons", Json.Content(Json.NewSeason(out _)), ct);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(size, await CheckpointSizeAsync(app));
        BallotPipelineState(app, first, size);
    }

    [Fact]
    public async Task Restart_replays_the_log_into_the_same_season()
    {
        var ct = TestContext.Current.CancellationToken;
        string id;
        long size;
        await using (var first = await ServerFixture.StartAsync(Settings))
        {
            using var producer = await ProducerAsync(first);
            (await producer.PostAsync("/api/seasons", Json.Content(Json.NewSeason(out id)), ct)).EnsureSuccessStatusCode();
            size = await CheckpointSizeAsync(first);
            await first.StopAsync(ct);
        }

        await using var second = await ServerFixture.StartAsync(Settings);

        Assert.Equal(size, (await VerifiedCheckpointAsync(second)).Size);
        BallotPipelineState(second, id, size);
        Assert.Equal(0, second.Services.GetRequiredService<VotingHost>().Pipeline!.ReplayFindingCount);
    }

    [Fact]
    public async Task Demo_seed_makes_the_preset_the_logs_season()
    {
        await using var app = await ServerFixture.StartAsync(Settings);

        DemoSetup setup = await DemoSeed.SeedAsync(app.Services, DemoSeed.DefaultPreset, TestContext.Current.CancellationToken);

        BallotPipelineState(app, setup.Season.Id, await CheckpointSizeAsync(app));
    }

    [Fact]
    public async Task Voter_pseudonym_secret_is_created_owner_only_and_kept_across_restarts()
    {
        string path = Path.Combine(_data, PseudonymSecretFile.FileName);
        byte[] secret;
        await using (var first = await ServerFixture.StartAsync(Settings))
        {
            secret = File.ReadAllBytes(path);
            await first.StopAsync(TestContext.Current.CancellationToken);
        }

        await using var second = await ServerFixture.StartAsync(Settings);

        Assert.Equal(32, secret.Length);
        Assert.Equal(secret, File.ReadAllBytes(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private static void BallotPipelineState(WebApplication app, string seasonId, long logSize)
    {
        var pipeline = app.Services.GetRequiredService<VotingHost>().Pipeline;
        Assert.NotNull(pipeline);
        Assert.Equal(seasonId, pipeline.Season.Season.Id);
        Assert.Equal(logSize, pipeline.LogSize);
    }

    private static async Task<HttpClient> ProducerAsync(WebApplication app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateAsync(ServerFixture.EmailOf(Role.Producer), StaffRoles.Producer, ServerFixture.Password);
        }

        return await ServerFixture.BearerClientAsync(app, ServerFixture.EmailOf(Role.Producer), ServerFixture.Password);
    }

    private static async Task<long> CheckpointSizeAsync(WebApplication app) => (await VerifiedCheckpointAsync(app)).Size;

    /// <summary>The served checkpoint, verified with the served key, and the whole served tree checked against it.</summary>
    private static async Task<Checkpoint> VerifiedCheckpointAsync(WebApplication app)
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = ServerFixture.CreateClient(app);
        var verifier = NoteVerifier.Parse((await anonymous.GetStringAsync("/log/key", ct)).TrimEnd('\n'));
        var client = new TileLogClient(new HttpTileSource(anonymous));
        Checkpoint head = await client.ReadCheckpointAsync(verifier, app.Services.GetRequiredService<LogHost>().Origin, ct);
        await client.VerifyTreeAsync(head, ct);
        return head;
    }
}
