using KPops.Format.Model;
using KPops.Format.Ranking;
using KPops.Voting;
using KPops.Voting.Ballots;

namespace KPops.Server.Operations;

/// <summary>
/// What must hold before an announcement is published, checked once on the preview and again on the sequencer at
/// the entry's turn: not published yet, every round it counts closed (so its counts are final), and every earlier
/// announcement it draws on published.
/// </summary>
internal static class AnnouncementGate
{
    public const string AlreadyPublished = "already-published";
    public const string RoundOpen = "round-open";
    public const string EarlierAnnouncementMissing = "earlier-announcement-missing";
    public const string ForensicWarnings = "forensic-warnings";

    public static List<PreviewCheck> Blockers(
        CompiledSeason season, Announcement announcement, Func<int, RoundWindow> window,
        IReadOnlyDictionary<string, AnnouncementResult> published, DateTimeOffset now)
    {
        var checks = new List<PreviewCheck>();
        if (published.ContainsKey(announcement.Id))
        {
            checks.Add(new PreviewCheck(AlreadyPublished, true, $"'{announcement.Id}' is already published; a published ranking is never replaced."));
        }

        foreach (string roundId in CountedRounds(announcement))
        {
            if (season.TryGetRound(roundId, out int round) && SeasonView.TakesBallots(window(round), now))
            {
                var closesAt = DateTimeOffset.FromUnixTimeMilliseconds(window(round).ClosesAtMs);
                checks.Add(new PreviewCheck(RoundOpen, true,
                    $"Round '{roundId}' still takes ballots (scheduled to close at {closesAt:O}): close it first, so the counts are final."));
            }
        }

        foreach (string earlier in DrawsOn(announcement))
        {
            if (!published.ContainsKey(earlier))
            {
                checks.Add(new PreviewCheck(EarlierAnnouncementMissing, true, $"'{announcement.Id}' draws on '{earlier}', which is not published yet."));
            }
        }

        return checks;
    }

    /// <summary>Every round whose votes the announcement's score or its special seats count.</summary>
    public static IEnumerable<string> CountedRounds(Announcement announcement) =>
        announcement.Sources.Concat(announcement.SpecialSeats.SelectMany(seat => seat.Sources))
            .SelectMany(source => source.Rounds)
            .Distinct(StringComparer.Ordinal);

    /// <summary>Earlier announcements the ranking needs: its pool's and its previous-rank tie-breaks'.</summary>
    private static IEnumerable<string> DrawsOn(Announcement announcement)
    {
        var earlier = new List<string>();
        if (announcement.Pool.Trainees is null && announcement.Pool.SurvivorsOf is { } pool)
        {
            earlier.Add(pool);
        }

        earlier.AddRange(announcement.TieBreak.Where(rule => rule.Kind == TieBreakKind.PreviousRank).Select(rule => rule.Ref));
        return earlier.Distinct(StringComparer.Ordinal);
    }
}
