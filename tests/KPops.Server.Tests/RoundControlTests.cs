using System.Net;
using System.Net.Http.Json;
using KPops.Format;
using KPops.Log;
using KPops.Server.Staff;
using KPops.Server.Tests.Infrastructure;
using KPops.Server.Voting;
using KPops.Voting.Entries;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using LogEntry = KPops.Voting.Entries.LogEntry;

namespace KPops.Server.Tests;

/// <summary>Producers open, close and extend rounds; each is an entry in the log.</summary>
public sealed class RoundControlTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kpops-round-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _round = Presets.Load("produce-x-101").Rounds[0].Id;
    private WebApplication? _app;
    private HttpClient? _producer;

    private WebApplication App => _app!;

    private HttpClient Producer => _producer!;

    public async ValueTask InitializeAsync()
    {
        _app = await ServerFixture.StartAsync(new Dictionary<string, string?> { ["KPops:DataDirectory"] = _data });
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateAsync(ServerFixture.EmailOf(Role.Producer), StaffRoles.Producer, ServerFixture.Password);
        }

        _producer = await ServerFixture.BearerClientAsync(App, ServerFixture.EmailOf(Role.Producer), ServerFixture.Password);
        (await Producer.PostAsync("/api/seasons", Json.Content(Json.NewSeason(out _)), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Opening_a_round_appends_a_round_opened_entry_covered_by_the_returned_checkpoint()
    {
        long before = Pipeline().LogSize;

        using var response = await Producer.PostAsync($"/api/rounds/{_round}/open", null, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<RoundEntryResponse>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, body!.Index);
        Assert.Equal(nameof(EntryKind.RoundOpened), body.Entry);
        Assert.Equal((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), body.Checkpoint.Split('\n')[1]);
        Assert.Equal(before + 1, Pipeline().LogSize);
    }

    [Fact]
    public async Task Extending_records_the_reason_and_new_closing_time()
    {
        var ct = TestContext.Current.CancellationToken;
        var closesAt = DateTimeOffset.UtcNow.AddDays(3);

        using var response = await Producer.PostAsJsonAsync($"/api/rounds/{_round}/extend", new { reason = "broadcast delayed by a typhoon", closesAt }, ct);
        var body = await response.Content.ReadFromJsonAsync<RoundEntryResponse>(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var extended = Assert.IsType<RoundExtended>(await ServedEntryAsync(body!.Index));
        Assert.Equal("broadcast delayed by a typhoon", extended.Reason);
        Assert.Equal(closesAt.ToUnixTimeMilliseconds(), extended.ClosesAtMs);
    }

    [Theory]
    [InlineData("""{"closesAt":"2099-01-01T00:00:00Z"}""")]
    [InlineData("""{"reason":"  ","closesAt":"2099-01-01T00:00:00Z"}""")]
    [InlineData("""{"reason":"late","closesAt":"2001-01-01T00:00:00Z"}""")]
    [InlineData("""{"reason":"late"}""")]
    public async Task Extension_without_a_reason_or_a_future_closing_time_is_a_bad_request(string body)
    {
        long before = Pipeline().LogSize;

        using var response = await Producer.PostAsync($"/api/rounds/{_round}/extend", Json.Content(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad_request", (string?)(await Json.ProblemAsync(response))["code"]);
        Assert.Equal(before, Pipeline().LogSize);
    }

    [Fact]
    public async Task A_closed_round_cannot_be_reopened_or_extended()
    {
        var ct = TestContext.Current.CancellationToken;
        (await Producer.PostAsync($"/api/rounds/{_round}/close", null, ct)).EnsureSuccessStatusCode();
        long size = Pipeline().LogSize;

        using var reopen = await Producer.PostAsync($"/api/rounds/{_round}/open", null, ct);
        using var extend = await Producer.PostAsJsonAsync($"/api/rounds/{_round}/extend", new { reason = "one more day", closesAt = DateTimeOffset.UtcNow.AddDays(1) }, ct);

        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
        Assert.Equal("round_state_conflict", (string?)(await Json.ProblemAsync(reopen))["code"]);
        Assert.Equal(HttpStatusCode.Conflict, extend.StatusCode);
        Assert.Equal(size, Pipeline().LogSize);
    }

    [Fact]
    public async Task Unknown_round_is_a_round_not_found_problem()
    {
        using var response = await Producer.PostAsync("/api/rounds/no-such-round/open", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("round_not_found", (string?)(await Json.ProblemAsync(response))["code"]);
    }

    /// <summary>The entry at <paramref name="index"/> as the public log serves it, decoded.</summary>
    private async Task<LogEntry> ServedEntryAsync(long index)
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = ServerFixture.CreateClient(App);
        var verifier = NoteVerifier.Parse((await anonymous.GetStringAsync("/log/key", ct)).TrimEnd('\n'));
        var client = new TileLogClient(new HttpTileSource(anonymous));
        var head = await client.ReadCheckpointAsync(verifier, cancellationToken: ct);
        await foreach (var served in client.ReadEntriesAsync(head, index, ct))
        {
            Assert.True(LogEntryCodec.TryDecode(served.Data.Span, out LogEntry? entry, out _));
            return entry;
        }

        throw new InvalidOperationException($"The log serves no entry {index}.");
    }

    private KPops.Voting.Pipeline.BallotPipeline Pipeline() => App.Services.GetRequiredService<VotingHost>().Pipeline!;

    public async ValueTask DisposeAsync()
    {
        _producer?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
