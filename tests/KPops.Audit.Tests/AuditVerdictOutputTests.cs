using System.Text.Json;
using KPops.Log;

namespace KPops.Audit.Tests;

/// <summary>What the JSON and HTML reports say about witnesses and about an audit an embargo left incomplete.</summary>
public sealed class AuditVerdictOutputTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_witness_result_is_in_the_json_and_html_reports_with_its_name_key_and_reason()
    {
        using var log = await AuditedLog.WriteAsync(ballots: 300);
        using var regulator = CosignatureSigner.Generate("witness.test/regulator");
        using var newspaper = CosignatureSigner.Generate("witness.test/newspaper");
        using var forger = CosignatureSigner.Generate("witness.test/forged");
        WitnessAuditTests.Cosign(log, regulator);
        WitnessAuditTests.Cosign(log, forger, tamper: true);
        var auditor = new LogAuditor(new DirectoryTileSource(log.Tiles), log.Verifier)
        {
            Witnesses = [regulator.Verifier, newspaper.Verifier, forger.Verifier],
            MinWitnesses = 1,
        };

        var report = await auditor.RunAsync(Cancel);

        using var json = JsonDocument.Parse(AuditReportJson.Write(report));
        var witnesses = json.RootElement.GetProperty("witnesses");
        Assert.Equal(1, witnesses.GetProperty("required").GetInt32());
        Assert.Equal(1, witnesses.GetProperty("valid").GetInt32());
        var results = witnesses.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(
            [("witness.test/regulator", regulator.Verifier.KeyText, "valid", true), ("witness.test/newspaper", newspaper.Verifier.KeyText, "missing", false), ("witness.test/forged", forger.Verifier.KeyText, "invalid", false)],
            results.Select(r => (r.GetProperty("name").GetString(), r.GetProperty("key").GetString(), r.GetProperty("status").GetString(), r.GetProperty("verified").GetBoolean())));
        Assert.NotNull(results[0].GetProperty("time").GetString());
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("time").ValueKind);
        Assert.Contains("forged", results[2].GetProperty("reason").GetString(), StringComparison.Ordinal);

        var html = AuditReportHtml.Write(report);
        Assert.Contains("<h2>Witnesses</h2>", html, StringComparison.Ordinal);
        Assert.Contains("1 of 3 trusted witness(es) cosigned this checkpoint (required: 1)", html, StringComparison.Ordinal);
        foreach (var key in new[] { regulator, newspaper, forger })
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(key.Verifier.KeyText), html, StringComparison.Ordinal);
        }

        Assert.Contains(System.Net.WebUtility.HtmlEncode(WitnessResultText.Reason(CosignatureStatus.Missing)), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_witness_options_the_json_report_has_no_witness_results()
    {
        using var log = await AuditedLog.WriteAsync(ballots: 100);

        var report = await log.Auditor().RunAsync(Cancel);

        using var json = JsonDocument.Parse(AuditReportJson.Write(report));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("witnesses").ValueKind);
        Assert.DoesNotContain("<h2>Witnesses</h2>", AuditReportHtml.Write(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_audit_during_an_embargo_is_incomplete_and_says_what_is_pending()
    {
        // 1,500 ballots: entries 0..~1,503, so bundles 0-4 are full and 5 is partial; bundles 2 on are held back.
        using var log = await AuditedLog.WriteAsync(ballots: 1_500);
        using var http = new HttpClient(new EmbargoedLogServer(log.Tiles, firstEmbargoedBundle: 2));
        var auditor = new LogAuditor(new HttpTileSource(http, EmbargoedLogServer.Base), log.Verifier) { State = new AuditStateStore(log.StateDirectory) };

        var report = await auditor.RunAsync(Cancel);

        Assert.Equal(AuditVerdict.Incomplete, report.Verdict);
        var embargo = Assert.IsType<AuditEmbargo>(report.Embargo);
        Assert.Equal(2 * TileLayout.TileWidth, embargo.ReleasedEntries);
        Assert.Equal(report.Checkpoint!.Size - (2 * TileLayout.TileWidth), embargo.PendingEntries);
        Assert.Equal([AuditedLog.RoundId], embargo.PendingRounds);
        Assert.Equal(2 * TileLayout.TileWidth, report.Recount?.EntriesRead);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(AuditProblemCodes.Embargoed, problem.Code);
        Assert.Contains($"rounds not yet released: {AuditedLog.RoundId}", problem.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(log.StateDirectory) ? Directory.GetFiles(log.StateDirectory) : []);

        using var json = JsonDocument.Parse(AuditReportJson.Write(report));
        Assert.Equal("incomplete", json.RootElement.GetProperty("verdict").GetString());
        var pending = json.RootElement.GetProperty("embargo");
        Assert.Equal(embargo.PendingEntries, pending.GetProperty("pendingEntries").GetInt64());
        Assert.Equal(512, pending.GetProperty("releasedEntries").GetInt64());
        Assert.Equal(AuditedLog.RoundId, pending.GetProperty("pendingRounds")[0].GetString());

        var html = AuditReportHtml.Write(report);
        Assert.Contains("incomplete (entries not yet released)", html, StringComparison.Ordinal);
        Assert.Contains("rounds pending: " + AuditedLog.RoundId, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_released_log_served_the_same_way_passes_and_has_no_embargo()
    {
        using var log = await AuditedLog.WriteAsync(ballots: 600);
        using var http = new HttpClient(new EmbargoedLogServer(log.Tiles, firstEmbargoedBundle: null));
        var auditor = new LogAuditor(new HttpTileSource(http, EmbargoedLogServer.Base), log.Verifier);

        var report = await auditor.RunAsync(Cancel);

        Assert.Equal(AuditVerdict.Passed, report.Verdict);
        Assert.Null(report.Embargo);
    }

    [Fact]
    public async Task An_embargo_does_not_hide_a_mismatch_in_the_released_entries()
    {
        using var log = await AuditedLog.WriteAsync(ballots: 1_500);
        var entries = await log.ReadEntriesAsync();
        int ballot = entries.FindIndex(AuditedLog.IsBallot);
        // A second ballot from the same fan in a one-ballot round, among the released entries.
        entries.Insert(ballot + 3, entries[ballot]);
        await log.RewriteAsync(entries, log.Signer);
        using var http = new HttpClient(new EmbargoedLogServer(log.Tiles, firstEmbargoedBundle: 2));
        var auditor = new LogAuditor(new HttpTileSource(http, EmbargoedLogServer.Base), log.Verifier);

        var report = await auditor.RunAsync(Cancel);

        Assert.Equal(AuditVerdict.RecountMismatch, report.Verdict);
        Assert.Contains(report.Problems, p => p.Code == AuditProblemCodes.Entry);
        Assert.NotNull(report.Embargo);
    }
}
