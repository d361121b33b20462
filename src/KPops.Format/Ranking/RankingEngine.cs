using KPops.Format.Model;

namespace KPops.Format.Ranking;

/// <summary>
/// Turns counts into an announcement's ranking, exactly as <c>docs/season-format.md</c> specifies. The live
/// tally and an auditor's recount both call this with their own <see cref="ISeasonCounts"/>, so a published
/// ranking can be reproduced to the last decimal. Expects a season that passed validation.
/// </summary>
public static class RankingEngine
{
    /// <summary>Ranks one announcement.</summary>
    /// <param name="season">A valid season.</param>
    /// <param name="announcementId">The announcement to rank.</param>
    /// <param name="counts">The votes and evaluation results to rank from.</param>
    /// <param name="earlier">Results of earlier announcements, by id: needed for survivorsOf pools and previousRank tie-breaks.</param>
    /// <exception cref="ArgumentException">The season has no such announcement.</exception>
    /// <exception cref="InvalidOperationException">An earlier announcement this one depends on is missing from <paramref name="earlier"/>.</exception>
    public static AnnouncementResult Rank(Season season, string announcementId, ISeasonCounts counts, IReadOnlyDictionary<string, AnnouncementResult> earlier)
    {
        ArgumentNullException.ThrowIfNull(season);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(earlier);
        var announcement = season.Announcements.FirstOrDefault(a => a.Id == announcementId)
            ?? throw new ArgumentException($"The season has no announcement \"{announcementId}\".", nameof(announcementId));

        var pool = EligibilityResolver.Resolve(season, announcement.Pool, earlier);
        var scorer = new SourceScorer(season, counts, pool);
        var columns = announcement.Sources.Select(scorer.Score).ToList();
        var scored = pool.Select(trainee =>
        {
            var breakdown = columns.Select(column => column[trainee]).ToList();
            return new ScoredTrainee(trainee, breakdown.Sum(c => c.Points), breakdown);
        });

        var order = new TieBreakOrder(announcement.TieBreak, earlier).Sort(scored);
        return new AnnouncementResult(announcement.Id, CutAndSeats.Place(announcement, order, scorer, counts));
    }

    /// <summary>Ranks every announcement in broadcast order, each seeing the results of those before it.</summary>
    public static IReadOnlyList<AnnouncementResult> RankAll(Season season, ISeasonCounts counts)
    {
        ArgumentNullException.ThrowIfNull(season);
        var earlier = new Dictionary<string, AnnouncementResult>(StringComparer.Ordinal);
        var results = new List<AnnouncementResult>(season.Announcements.Count);
        foreach (var announcement in season.Announcements)
        {
            var result = Rank(season, announcement.Id, counts, earlier);
            earlier[announcement.Id] = result;
            results.Add(result);
        }

        return results;
    }
}
