using System.Security.Cryptography;
using KPops.Audit.Forensics;
using KPops.Format.Ranking;
using KPops.Voting;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Server.Operations;

/// <summary>
/// Computes what an announcement would publish from a <see cref="SeasonView"/> (ranking, checks, forensics), and
/// describes published announcements as the public endpoints serve them.
/// </summary>
internal static class AnnouncementDesk
{
    /// <summary>The preview of announcement <paramref name="index"/>, and the entry publishing it now would append (null when it cannot be ranked).</summary>
    public static AnnouncementPreview Preview(SeasonView view, int index, DateTimeOffset now, out AnnouncementPublished? entry)
    {
        var season = view.Season;
        var announcement = season.Season.Announcements[index];
        var checks = AnnouncementGate.Blockers(season, announcement, round => view.Windows[round], view.Published, now);
        entry = null;
        AnnouncementResult? result = checks.Any(check => check.Code == AnnouncementGate.EarlierAnnouncementMissing)
            ? null
            : Rank(season, announcement.Id, view.Counts, view.Published);
        var rows = new List<PreviewRow>();
        var forensics = new List<ForensicFinding>();
        string? fingerprint = null;
        if (result is not null)
        {
            entry = PublishedRankings.ToEntry(season, result);
            fingerprint = Fingerprint(entry);
            foreach (var row in result.Ranking)
            {
                var (ko, en) = TraineeNames.Of(season, row.Trainee);
                rows.Add(new PreviewRow(row.Trainee, ko, en, row.Rank, row.Score, TraineeNames.Status(row.Status), row.Seat, row.TieBrokenBy,
                    [.. row.Breakdown.Select(column => new PreviewContribution(column.Label, column.Counted, column.Points))]));
            }

            // The same figures and thresholds as `kpops audit`: the producer sees what an auditor will flag.
            var findings = TallyForensics.Examine([.. result.Ranking.Select(row => new PublishedCount(row.Trainee, row.Score))]);
            forensics.AddRange(findings.Select(finding => new ForensicFinding(
                finding.Code, finding.Explanation, Probability(finding.Chance), finding.Severity == FindingSeverity.Warning ? "warning" : "notice")));
            if (TallyForensics.HasWarning(findings))
            {
                checks.Add(new PreviewCheck(AnnouncementGate.ForensicWarnings, false,
                    "Tally forensics warns about these figures (below); publishing needs acknowledgeWarnings: true."));
            }
        }

        return new AnnouncementPreview(announcement.Id, announcement.Name.Ko, announcement.Name.En, announcement.IsFinale, announcement.CutLine,
            now, view.LogSize, entry is not null && !checks.Any(check => check.Blocking), fingerprint, rows, checks, forensics);
    }

    /// <summary>The announcement's ranking from <paramref name="counts"/> exactly as a recount of the log computes it.</summary>
    public static AnnouncementResult Rank(
        CompiledSeason season, string announcementId, ISeasonCounts counts, IReadOnlyDictionary<string, AnnouncementResult> published) =>
        RankingEngine.Rank(season.Season, announcementId, counts, published);

    /// <summary>A chance as JSON can carry it (JSON has no NaN): an estimate that failed says nothing, so 1.</summary>
    private static double Probability(double chance) => double.IsNaN(chance) ? 1 : Math.Clamp(chance, 0, 1);

    /// <summary>SHA-256 of the entry's bytes, lower-case hex: names one exact ranking.</summary>
    public static string Fingerprint(AnnouncementPublished entry) => Convert.ToHexStringLower(SHA256.HashData(entry.ToBytes()));

    /// <summary>Announcement <paramref name="index"/> as published, with each trainee's rank in the previous published announcement.</summary>
    public static PublishedAnnouncement Published(CompiledSeason season, int index, IReadOnlyDictionary<string, AnnouncementResult> published)
    {
        var announcement = season.Season.Announcements[index];
        var result = published[announcement.Id];
        AnnouncementResult? previous = null;
        for (int earlier = index - 1; earlier >= 0 && previous is null; earlier--)
        {
            previous = published.GetValueOrDefault(season.Season.Announcements[earlier].Id);
        }

        var previousRanks = previous?.Ranking.ToDictionary(row => row.Trainee, row => row.Rank, StringComparer.Ordinal);
        var rows = result.Ranking.Select(row =>
        {
            var (ko, en) = TraineeNames.Of(season, row.Trainee);
            int? before = previousRanks is not null && previousRanks.TryGetValue(row.Trainee, out int rank) ? rank : null;
            return new PublishedRow(row.Trainee, ko, en, row.Rank, before, before - row.Rank, row.Score, TraineeNames.Status(row.Status), row.Seat);
        }).ToList();
        return new PublishedAnnouncement(announcement.Id, announcement.Name.Ko, announcement.Name.En, announcement.IsFinale,
            announcement.CutLine, previous?.Announcement, rows);
    }
}
