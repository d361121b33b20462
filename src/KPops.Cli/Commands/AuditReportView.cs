using System.Globalization;
using KPops.Audit;
using KPops.Audit.Forensics;
using KPops.Cli.Rendering;
using KPops.Log;
using Spectre.Console;

namespace KPops.Cli.Commands;

/// <summary>The human-readable audit report: verdict, what was verified, each announcement next to its recount, forensics.</summary>
internal static class AuditReportView
{
    public static void Write(IAnsiConsole output, AuditReport report)
    {
        output.WriteLine($"Audit of {report.Source}");
        if (report.Checkpoint is { } checkpoint)
        {
            output.WriteLine($"  checkpoint: {checkpoint.Origin}, {Numbers.Format(checkpoint.Size)} entries, root {Convert.ToHexStringLower(checkpoint.RootHash)}");
        }

        output.WriteLine($"  checked against {Numbers.Format(report.EarlierCheckpoints)} checkpoint(s) from earlier runs");
        if (report.Recount is { } recount)
        {
            var ballots = recount.Tallies?.BallotsCounted ?? 0;
            var seconds = Math.Max(report.Elapsed.TotalSeconds, 1e-3);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  entries verified and replayed: {Numbers.Format(recount.EntriesRead)}; ballots counted: {Numbers.Format(ballots)}; {report.Elapsed.TotalSeconds:0.0} s ({Numbers.Format((long)(recount.EntriesRead / seconds))} entries/s)"));
        }

        if (report.Embargo is { } embargo)
        {
            output.WriteLine($"  not yet released (embargo until the announcement): {Numbers.Format(embargo.PendingEntries)} entries from index {Numbers.Format(embargo.ReleasedEntries)} on; rounds pending: {(embargo.PendingRounds.Count == 0 ? "unknown" : string.Join(", ", embargo.PendingRounds))}");
        }

        foreach (var announcement in report.Announcements)
        {
            WriteAnnouncement(output, announcement);
        }

        if (report.Problems.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Problems:");
            foreach (var problem in report.Problems)
            {
                output.WriteLine($"  [{problem.Code}] {problem.Message}");
            }
        }

        output.WriteLine();
        output.WriteLine(report.Verdict switch
        {
            AuditVerdict.Passed => "PASSED: the log verifies and every announcement matches the recount.",
            AuditVerdict.Incomplete => "INCOMPLETE: nothing failed, but entries under embargo could not be recounted yet; audit again after the announcement.",
            AuditVerdict.RecountMismatch => "FAILED: the log verifies, but the recount does not match what it announced.",
            _ => "FAILED: the log does not verify.",
        });
        if (report.ForensicWarnings > 0)
        {
            output.WriteLine($"Forensics: {report.ForensicWarnings} warning(s) on the published figures (see above).");
        }

        WriteWitnesses(output, report);
    }

    /// <summary>Each trusted witness and whether it cosigned (the JSON and HTML reports carry the same, with the key).</summary>
    private static void WriteWitnesses(IAnsiConsole output, AuditReport report)
    {
        if (report.Witnesses.Count == 0)
        {
            return;
        }

        output.WriteLine($"Witnesses: {WitnessCosignatures.CountValid(report.Witnesses)} of {report.Witnesses.Count} cosigned this checkpoint (required: {report.MinWitnesses}).");
        foreach (var result in report.Witnesses)
        {
            string time = result.Time is { } at
                ? " at " + at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC"
                : string.Empty;
            string status = result.Status switch
            {
                CosignatureStatus.Valid => "cosigned",
                CosignatureStatus.Invalid => "INVALID cosignature (forged or corrupted)",
                CosignatureStatus.FromTheFuture => "cosignature dated in the future",
                _ => "no cosignature",
            };
            output.WriteLine($"  {result.Witness.Name}: {status}{time}");
        }
    }

    private static void WriteAnnouncement(IAnsiConsole output, AnnouncementAudit audit)
    {
        var check = audit.Check;
        output.WriteLine();
        output.WriteLine($"Announcement {check.Announcement} (entry {Numbers.Format(check.EntryIndex)}): {(check.Matches ? "matches the recount" : "DIFFERS from the recount")}");
        var recounted = check.Recounted?.Ranking.ToDictionary(r => r.Trainee, StringComparer.Ordinal);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Rank").RightAligned());
        table.AddColumn("Trainee");
        table.AddColumn(new TableColumn("Published").RightAligned());
        table.AddColumn(new TableColumn("Recounted").RightAligned());
        table.AddColumn("Status");
        table.AddColumn("");
        foreach (var row in check.Published.Ranking)
        {
            var mine = recounted is not null && recounted.TryGetValue(row.Trainee, out var r) ? r : null;
            var same = mine is not null && mine.Score == row.Score && mine.Rank == row.Rank && mine.Status == row.Status && mine.Seat == row.Seat;
            table.AddRow(
                new Text(Numbers.Format(row.Rank)),
                new Text(row.Trainee),
                new Text(Numbers.Format(row.Score)),
                new Text(mine is null ? "-" : Numbers.Format(mine.Score)),
                new Text(row.Seat is null ? row.Status.ToString() : $"{row.Status} ({row.Seat})"),
                new Text(same ? "ok" : "MISMATCH"));
        }

        output.Write(table);
        foreach (var finding in audit.Forensics)
        {
            var label = finding.Severity == FindingSeverity.Warning ? "WARNING" : "note";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label} [{finding.Code}, chance ≤ {finding.Chance:0.##E+0}] {finding.Explanation}"));
        }
    }
}
