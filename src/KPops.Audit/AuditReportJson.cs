using System.Text.Json;
using System.Text.Json.Nodes;

namespace KPops.Audit;

/// <summary>
/// The machine-readable form of an <see cref="AuditReport"/> (<c>kpops audit --json</c>). Field names are
/// stable: scripts and dashboards match on them.
/// </summary>
public static class AuditReportJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = new JsonObject
        {
            ["source"] = report.Source,
            ["verdict"] = Verdict(report.Verdict),
            ["checkpoint"] = report.Checkpoint is { } c
                ? new JsonObject { ["origin"] = c.Origin, ["size"] = c.Size, ["rootHash"] = Convert.ToBase64String(c.RootHash) }
                : null,
            ["earlierCheckpoints"] = report.EarlierCheckpoints,
            ["entriesRead"] = report.Recount?.EntriesRead,
            ["ballotsCounted"] = report.Recount?.Tallies?.BallotsCounted,
            ["elapsedSeconds"] = Math.Round(report.Elapsed.TotalSeconds, 3),
            ["witnesses"] = Witnesses(report),
            ["embargo"] = report.Embargo is { } embargo
                ? new JsonObject
                {
                    ["releasedEntries"] = embargo.ReleasedEntries,
                    ["pendingEntries"] = embargo.PendingEntries,
                    ["pendingRounds"] = new JsonArray([.. embargo.PendingRounds.Select(r => (JsonNode)JsonValue.Create(r))]),
                }
                : null,
            ["problems"] = new JsonArray([.. report.Problems.Select(p => (JsonNode)new JsonObject { ["code"] = p.Code, ["message"] = p.Message })]),
            ["announcements"] = new JsonArray([.. report.Announcements.Select(Announcement)]),
        };
        return json.ToJsonString(Indented);
    }

    public static string Verdict(AuditVerdict verdict) => verdict switch
    {
        AuditVerdict.Passed => "passed",
        AuditVerdict.Incomplete => "incomplete",
        AuditVerdict.RecountMismatch => "recount-mismatch",
        _ => "verification-failed",
    };

    /// <summary>Null when the audit was not asked to check witnesses.</summary>
    private static JsonObject? Witnesses(AuditReport report)
    {
        if (report.Witnesses.Count == 0 && report.MinWitnesses == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["required"] = report.MinWitnesses,
            ["valid"] = KPops.Log.WitnessCosignatures.CountValid(report.Witnesses),
            ["results"] = new JsonArray([.. report.Witnesses.Select(w => (JsonNode)new JsonObject
            {
                ["name"] = w.Witness.Name,
                ["key"] = w.Witness.KeyText,
                ["status"] = WitnessResultText.Code(w.Status),
                ["verified"] = w.Status == KPops.Log.CosignatureStatus.Valid,
                ["time"] = w.Time?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                ["reason"] = WitnessResultText.Reason(w.Status),
            })]),
        };
    }

    private static JsonNode Announcement(AnnouncementAudit audit)
    {
        var check = audit.Check;
        var recounted = check.Recounted?.Ranking.ToDictionary(r => r.Trainee, StringComparer.Ordinal);
        return new JsonObject
        {
            ["announcement"] = check.Announcement,
            ["entryIndex"] = check.EntryIndex,
            ["matches"] = check.Matches,
            ["differences"] = new JsonArray([.. check.Differences.Select(d => (JsonNode)JsonValue.Create(d))]),
            ["ranking"] = new JsonArray([.. check.Published.Ranking.Select(row => (JsonNode)new JsonObject
            {
                ["rank"] = row.Rank,
                ["trainee"] = row.Trainee,
                ["published"] = row.Score,
                ["recounted"] = recounted is not null && recounted.TryGetValue(row.Trainee, out var r) ? r.Score : null,
                ["status"] = row.Status.ToString(),
                ["seat"] = row.Seat,
            })]),
            ["forensics"] = new JsonArray([.. audit.Forensics.Select(f => (JsonNode)new JsonObject
            {
                ["code"] = f.Code,
                ["severity"] = f.Severity.ToString().ToLowerInvariant(),
                ["chance"] = f.Chance,
                ["explanation"] = f.Explanation,
            })]),
        };
    }
}
