using System.Text.Json;

namespace KPops.Audit.Tests;

public sealed class AuditReportOutputTests
{
    [Fact]
    public async Task The_json_report_carries_the_verdict_the_recount_and_the_published_ranking()
    {
        using var log = await AuditedLog.WriteAsync(ballots: 500);
        var report = await log.Auditor().RunAsync(TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(AuditReportJson.Write(report));

        Assert.Equal("passed", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(500, json.RootElement.GetProperty("ballotsCounted").GetInt64());
        var announcement = json.RootElement.GetProperty("announcements")[0];
        Assert.True(announcement.GetProperty("matches").GetBoolean());
        var first = announcement.GetProperty("ranking")[0];
        Assert.Equal(first.GetProperty("published").GetDecimal(), first.GetProperty("recounted").GetDecimal());
    }

    [Fact]
    public async Task The_html_report_shows_a_mismatch_next_to_the_recount_and_escapes_text()
    {
        using var log = await AuditedLog.WriteAsync(ballots: 500, tamper: entry =>
        {
            var rows = entry.Ranking.ToArray();
            rows[0] = rows[0] with { Score = rows[0].Score + 1_000 };
            return entry with { Ranking = rows };
        });
        var report = await log.Auditor().RunAsync(TestContext.Current.CancellationToken) with { Source = "<tiles & co>" };

        var html = AuditReportHtml.Write(report);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("recount does not match", html, StringComparison.Ordinal);
        Assert.Contains("differs from the recount", html, StringComparison.Ordinal);
        Assert.Contains("&lt;tiles &amp; co&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }
}
