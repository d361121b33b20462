using System.Globalization;
using System.Net;
using System.Text;
using KPops.Audit.Forensics;

namespace KPops.Audit;

/// <summary>
/// A self-contained HTML page of an audit (<c>kpops audit --html FILE</c>) for journalists: the verdict,
/// what was verified, each announcement's published ranking next to the recount, and the forensics. No
/// scripts, no external resources: it can be mailed, archived or published as is.
/// </summary>
public static class AuditReportHtml
{
    public static string Write(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>KPops audit</title><style>")
            .Append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}")
            .Append("table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .6rem}td.n{text-align:right}")
            .Append(".ok{color:#176f2c}.bad{color:#b00020;font-weight:bold}.warn{background:#fff3cd;padding:.5rem;border-left:4px solid #e0a800}")
            .Append(".incomplete{color:#8a5a00;font-weight:bold}")
            .Append(".note{background:#eef;padding:.5rem;border-left:4px solid #88a}code{word-break:break-all}")
            .Append("figure.flow{margin:.5rem 0 1rem}figure.flow svg{max-width:100%;height:auto;font-family:inherit}figcaption{font-size:.9rem;color:#444}")
            .Append("</style></head><body>\n");
        var css = report.Verdict switch
        {
            AuditVerdict.Passed => "ok",
            AuditVerdict.Incomplete => "incomplete",
            _ => "bad",
        };
        Line(html, $"<h1>Vote log audit: <span class=\"{css}\">{E(Verdict(report.Verdict))}</span></h1>");
        Line(html, $"<p>Source: <code>{E(report.Source)}</code></p><ul>");
        if (report.Checkpoint is { } c)
        {
            Line(html, $"<li>Signed checkpoint verified: origin <code>{E(c.Origin)}</code>, {N(c.Size)} entries, root <code>{Convert.ToHexStringLower(c.RootHash)}</code></li>");
        }

        Line(html, $"<li>Consistent with {N(report.EarlierCheckpoints)} checkpoint(s) this auditor saw before</li>");
        if (report.Recount is { } recount)
        {
            Line(html, $"<li>Entries verified against the tree and replayed: {N(recount.EntriesRead)}; ballots counted: {N(recount.Tallies?.BallotsCounted ?? 0)}</li>");
        }

        if (report.Embargo is { } embargo)
        {
            Line(html, $"<li class=\"incomplete\">Not yet released (embargo until the announcement): {N(embargo.PendingEntries)} entries from index {N(embargo.ReleasedEntries)} on; rounds pending: {(embargo.PendingRounds.Count == 0 ? "unknown" : E(string.Join(", ", embargo.PendingRounds)))}. The tree of all entries verified; only the released entries were recounted.</li>");
        }

        Line(html, $"<li>Audit time: {report.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s</li></ul>");
        WriteWitnesses(html, report);
        if (report.Problems.Count > 0)
        {
            Line(html, "<h2>Problems</h2><ul>");
            foreach (var problem in report.Problems)
            {
                Line(html, $"<li class=\"bad\">[{E(problem.Code)}] {E(problem.Message)}</li>");
            }

            Line(html, "</ul>");
        }

        if (report.Flow is { } flow)
        {
            Flow.VoteFlowHtml.Write(html, flow, report.Recount?.Season);
        }

        foreach (var announcement in report.Announcements)
        {
            WriteAnnouncement(html, announcement);
        }

        Line(html, "<p><small>Made by <code>kpops audit</code>. The forensics flag patterns in published figures that honest counting rarely produces; the chance shown is an upper estimate of how often an honest announcement would show it.</small></p>");
        Line(html, "</body></html>");
        return html.ToString();
    }

    private static void WriteWitnesses(StringBuilder html, AuditReport report)
    {
        if (report.Witnesses.Count == 0 && report.MinWitnesses == 0)
        {
            return;
        }

        Line(html, $"<h2>Witnesses</h2><p>{E(WitnessResultText.Summary(report))}.</p>");
        Line(html, "<table><tr><th>Witness</th><th>Key</th><th>Result</th><th>Cosigned at</th></tr>");
        foreach (var result in report.Witnesses)
        {
            var verified = result.Status == KPops.Log.CosignatureStatus.Valid;
            var time = result.Time is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "-";
            Line(html, $"<tr><td>{E(result.Witness.Name)}</td><td><code>{E(result.Witness.KeyText)}</code></td><td class=\"{(verified ? "ok" : "bad")}\">{E(WitnessResultText.Reason(result.Status))}</td><td>{time}</td></tr>");
        }

        Line(html, "</table>");
    }

    private static void WriteAnnouncement(StringBuilder html, AnnouncementAudit audit)
    {
        var check = audit.Check;
        Line(html, $"<h2>Announcement {E(check.Announcement)} <small>(entry {N(check.EntryIndex)})</small>: <span class=\"{(check.Matches ? "ok" : "bad")}\">{(check.Matches ? "matches the recount" : "differs from the recount")}</span></h2>");
        var recounted = check.Recounted?.Ranking.ToDictionary(r => r.Trainee, StringComparer.Ordinal);
        Line(html, "<table><tr><th>Rank</th><th>Trainee</th><th>Published</th><th>Recounted</th><th>Status</th></tr>");
        foreach (var row in check.Published.Ranking)
        {
            var mine = recounted is not null && recounted.TryGetValue(row.Trainee, out var r) ? r : null;
            var same = mine is not null && mine.Score == row.Score && mine.Rank == row.Rank && mine.Status == row.Status;
            Line(html, $"<tr class=\"{(same ? string.Empty : "bad")}\"><td class=\"n\">{row.Rank}</td><td>{E(row.Trainee)}</td><td class=\"n\">{N(row.Score)}</td><td class=\"n\">{(mine is null ? "-" : N(mine.Score))}</td><td>{E(row.Status.ToString())}{(row.Seat is null ? string.Empty : " (" + E(row.Seat) + ")")}</td></tr>");
        }

        Line(html, "</table>");
        foreach (var difference in check.Differences)
        {
            Line(html, $"<p class=\"bad\">{E(difference)}</p>");
        }

        foreach (var finding in audit.Forensics)
        {
            var css = finding.Severity == FindingSeverity.Warning ? "warn" : "note";
            Line(html, $"<p class=\"{css}\"><b>{E(finding.Code)}</b> (chance ≤ {finding.Chance.ToString("0.##E+0", CultureInfo.InvariantCulture)}): {E(finding.Explanation)}</p>");
        }
    }

    private static string Verdict(AuditVerdict verdict) => verdict switch
    {
        AuditVerdict.Passed => "passed",
        AuditVerdict.Incomplete => "incomplete (entries not yet released)",
        AuditVerdict.RecountMismatch => "recount does not match",
        _ => "log does not verify",
    };

    private static void Line(StringBuilder html, string text) => html.Append(text).Append('\n');

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string N(decimal value) => value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
}
