using System.Net;
using KPops.Log;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace KPops.Cli.Tests;

/// <summary><c>kpops audit URL</c> against a log whose entries are under embargo: the audit is incomplete, exit 5.</summary>
public sealed class AuditIncompleteExitTests : IDisposable
{
    private const string Origin = "kpops.test/embargoed";
    private readonly string _root = Directory.CreateTempSubdirectory("kpops-cli-embargo-").FullName;
    private readonly NoteSigner _logKey = NoteSigner.Generate(Origin);

    [Fact]
    public async Task An_audit_of_a_log_under_embargo_exits_5_and_says_it_is_incomplete()
    {
        var tiles = Path.Combine(_root, "tiles");
        using (var storage = new MemoryLogStorage())
        using (var log = TransparencyLog.Open(storage, _logKey, Origin))
        {
            // Every entry bundle is held back (a season's first ballots are in its first bundle), so nothing is recounted
            // and nothing can mismatch: the tree verifies from hash tiles, and the audit is incomplete.
            log.AppendBatch([.. Enumerable.Range(0, 600).Select(i => (ReadOnlyMemory<byte>)BitConverter.GetBytes(i))]);
            await FileTileExporter.ExportAsync(new LogTileSource(log), tiles, TestContext.Current.CancellationToken);
        }

        await using var server = await ServeAsync(tiles);

        var run = CliRun.Invoke("audit", server.Urls.First() + "/log/", "--key", _logKey.Verifier.KeyText, "--state", Path.Combine(_root, "audit"), "--json");

        Assert.Equal(5, run.ExitCode);
        Assert.Contains("\"verdict\": \"incomplete\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"pendingEntries\": 600", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"releasedEntries\": 0", run.Out, StringComparison.Ordinal);
    }

    /// <summary>A web server for <paramref name="tiles"/> under /log/ that refuses every entry bundle, as a KPops server does during an embargo.</summary>
    private static async Task<WebApplication> ServeAsync(string tiles)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/log/{**path}", (string path) =>
        {
            if (path.StartsWith("tile/entries/", StringComparison.Ordinal))
            {
                return Results.Problem(statusCode: (int)HttpStatusCode.NotFound, extensions: new Dictionary<string, object?> { ["code"] = "entries_embargoed" });
            }

            var file = Path.Combine(tiles, path);
            return File.Exists(file) ? Results.Bytes(File.ReadAllBytes(file)) : Results.NotFound();
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    public void Dispose()
    {
        _logKey.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
