using KPops.Server.Operations;
using KPops.Server.Voting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KPops.Server.Web.Reveal;

/// <summary>
/// Published rankings for the reveal, read in-process through the same handlers (and the same cache) as
/// <c>GET /api/announcements</c>: an embargoed ranking is never shown.
/// </summary>
internal static class RevealRankings
{
    /// <summary>The announcement as published, or null when it is not (yet) in the log.</summary>
    public static async Task<PublishedAnnouncement?> FindAsync(VotingHost voting, PublishedAnnouncements cache, string announcementId)
    {
        var result = await AnnouncementsApi.GetPublishedAsync(announcementId, voting, cache);
        return result.Result is Ok<PublishedAnnouncement> ok ? ok.Value : null;
    }

    public static async Task<IReadOnlyList<PublishedAnnouncement>> ListAsync(VotingHost voting, PublishedAnnouncements cache)
    {
        var result = await AnnouncementsApi.ListPublishedAsync(voting, cache);
        return result.Result is Ok<PublishedAnnouncement[]> ok ? ok.Value ?? [] : [];
    }
}
