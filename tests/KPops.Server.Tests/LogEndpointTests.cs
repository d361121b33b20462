using System.Net;
using System.Text;
using KPops.Log;
using KPops.Server.PublicLog;
using KPops.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Tests;

/// <summary>The public log as an outside auditor sees it over HTTP. The log lives in files, whatever the database.</summary>
public sealed class LogEndpointTests(PrewrittenLogFixture fixture) : IClassFixture<PrewrittenLogFixture>
{
    private LogHost Host => fixture.App.Services.GetRequiredService<LogHost>();

    private HttpClient Anonymous => fixture.As(Role.Anonymous);

    [Fact]
    public async Task Served_log_verifies_with_the_published_key_and_yields_every_entry()
    {
        var ct = TestContext.Current.CancellationToken;
        var verifier = NoteVerifier.Parse((await Anonymous.GetStringAsync("/log/key", ct)).TrimEnd('\n'));
        var client = new TileLogClient(new HttpTileSource(Anonymous));

        Checkpoint head = await client.ReadCheckpointAsync(verifier, Host.Origin, ct);
        await client.VerifyTreeAsync(head, ct);
        var served = new List<byte[]>();
        await foreach (LogEntry entry in client.ReadEntriesAsync(head, cancellationToken: ct))
        {
            served.Add(entry.Data.ToArray());
        }

        Assert.Equal(PrewrittenLogFixture.EntryCount, head.Size);
        Assert.Equal(fixture.Entries, served);
    }

    [Fact]
    public async Task Checkpoint_is_the_logs_exact_bytes_and_never_cached()
    {
        using var response = await Anonymous.GetAsync("/log/checkpoint", TestContext.Current.CancellationToken);

        Assert.Equal(fixture.CheckpointNote, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("tile/0/000", true)]
    [InlineData("tile/entries/000", true)]
    [InlineData("tile/1/000.p/1", false)]
    public async Task Tiles_are_byte_exact_and_cached_by_whether_they_can_still_grow(string path, bool full)
    {
        using var response = await Anonymous.GetAsync("/log/" + path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fixture.Tiles[path], await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(full ? "public, max-age=31536000, immutable" : "public, max-age=10", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Partial_tile_at_the_current_size_is_served_short_lived()
    {
        long size = PrewrittenLogFixture.EntryCount;
        var path = TilePath.EntryBundle(size / 256, (int)(size % 256)).ToString();

        using var response = await Anonymous.GetAsync("/log/" + path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=10", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("tile/entries/x999/999")]
    [InlineData("tile/0/0")]
    [InlineData("tile/0/x000/000")]
    [InlineData("tile/0/000.p/0")]
    public async Task Absent_or_non_canonical_tile_is_a_tile_not_found_problem(string path)
    {
        using var response = await Anonymous.GetAsync("/log/" + path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("tile_not_found", (string?)(await Json.ProblemAsync(response))["code"]);
    }
}
