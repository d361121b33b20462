using KPops.Format.Ranking;

namespace KPops.Voting.Recount;

/// <summary>One published announcement compared with the ranking recomputed from the log up to it.</summary>
/// <param name="Announcement">The announcement id.</param>
/// <param name="EntryIndex">Where the AnnouncementPublished entry sits in the log.</param>
/// <param name="Published">The ranking as published (no breakdowns: the log does not carry them).</param>
/// <param name="Recounted">The ranking recomputed from the counts, or null when it could not be computed.</param>
/// <param name="Differences">Every disagreement, in ranking order; empty when the announcement checks out.</param>
public sealed record AnnouncementCheck(
    string Announcement,
    long EntryIndex,
    AnnouncementResult Published,
    AnnouncementResult? Recounted,
    IReadOnlyList<string> Differences)
{
    public bool Matches => Differences.Count == 0;
}
