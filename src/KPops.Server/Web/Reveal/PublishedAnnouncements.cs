using KPops.Server.Operations;
using KPops.Server.Voting;

namespace KPops.Server.Web.Reveal;

/// <summary>Published announcements for the reveal, read in-process through the same handlers as <c>GET /api/announcements</c>.</summary>
public static class PublishedAnnouncements
{
    /// <summary>The announcement as published, or null when it is not (yet) in the log: an embargoed ranking is never shown.</summary>
    public static async Task<PublishedAnnouncement?> FindAsync(VotingHost voting, string announcementId)
    {
        var result = await AnnouncementsApi.GetPublishedAsync(announcementId, voting);
        return result.Result is Microsoft.AspNetCore.Http.HttpResults.Ok<PublishedAnnouncement> ok ? ok.Value : null;
    }

    public static async Task<IReadOnlyList<PublishedAnnouncement>> ListAsync(VotingHost voting)
    {
        var result = await AnnouncementsApi.ListPublishedAsync(voting);
        return result.Result is Microsoft.AspNetCore.Http.HttpResults.Ok<PublishedAnnouncement[]> ok ? ok.Value ?? [] : [];
    }
}
