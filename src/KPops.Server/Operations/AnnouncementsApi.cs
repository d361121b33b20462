using System.Text;
using KPops.Server.Problems;
using KPops.Server.Staff;
using KPops.Server.Voting;
using KPops.Voting;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KPops.Server.Operations;

/// <summary>
/// Announcements under <c>/api/announcements</c>. Producers preview the ranking the live counts give and publish it
/// (an AnnouncementPublished entry, ranked again on the sequencer at the entry's turn so that it is exactly what a
/// recount of the log computes there). Anyone reads published announcements, and only those: until its entry is in
/// the log an announcement's counts are under embargo.
/// </summary>
public static class AnnouncementsApi
{
    public static IEndpointRouteBuilder MapAnnouncementsApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/announcements").WithTags("Announcements").AllowAnonymous();
        open.MapGet("/", ListPublishedAsync).WithName("ListAnnouncements").WithSummary("Published announcements, in broadcast order");
        open.MapGet("/{announcementId}", GetPublishedAsync).WithName("GetAnnouncement").WithSummary("A published announcement's ranking");

        var producers = app.MapGroup("/api/announcements/{announcementId}").WithTags("Announcements").RequireStaff(StaffPolicies.Producer);
        producers.MapGet("/preview", PreviewAsync).WithName("PreviewAnnouncement")
            .WithSummary("The ranking the announcement would publish now, its checks and forensics (producers)");
        producers.MapPost("/publish", PublishAsync).WithName("PublishAnnouncement")
            .WithSummary("Publish the announcement: its ranking is appended to the log (producers)");
        return app;
    }

    internal static async Task<Results<Ok<PublishedAnnouncement[]>, ProblemHttpResult>> ListPublishedAsync(
        VotingHost voting, PublishedAnnouncements cache)
    {
        if (voting.Pipeline is not { } pipeline)
        {
            return TypedResults.Ok(Array.Empty<PublishedAnnouncement>());
        }

        if (await cache.GetAsync(pipeline) is not { } published)
        {
            return Unavailable();
        }

        var season = pipeline.Season;
        var list = new List<PublishedAnnouncement>();
        for (int index = 0; index < season.Season.Announcements.Count; index++)
        {
            if (published.ContainsKey(season.Season.Announcements[index].Id))
            {
                list.Add(AnnouncementDesk.Published(season, index, published));
            }
        }

        return TypedResults.Ok(list.ToArray());
    }

    internal static async Task<Results<Ok<PublishedAnnouncement>, ProblemHttpResult>> GetPublishedAsync(
        string announcementId, VotingHost voting, PublishedAnnouncements cache)
    {
        if (voting.Pipeline is not { } pipeline || !pipeline.Season.TryGetAnnouncement(announcementId, out int index))
        {
            return NotFound(announcementId);
        }

        if (await cache.GetAsync(pipeline) is not { } published)
        {
            return Unavailable();
        }

        return published.ContainsKey(announcementId)
            ? TypedResults.Ok(AnnouncementDesk.Published(pipeline.Season, index, published))
            : Problem.NotFound(ProblemCodes.AnnouncementNotPublished, $"'{announcementId}' is not published yet: its counts are under embargo until then.");
    }

    internal static async Task<Results<Ok<AnnouncementPreview>, ProblemHttpResult>> PreviewAsync(
        string announcementId, VotingHost voting, TimeProvider time)
    {
        if (voting.Pipeline is not { } pipeline || !pipeline.Season.TryGetAnnouncement(announcementId, out int index))
        {
            return NotFound(announcementId);
        }

        if (await ViewAsync(pipeline) is not { } view)
        {
            return Unavailable();
        }

        return TypedResults.Ok(AnnouncementDesk.Preview(view, index, time.GetUtcNow(), out _));
    }

    internal static async Task<Results<Ok<PublishResponse>, ProblemHttpResult>> PublishAsync(
        string announcementId, PublishRequest? request, VotingHost voting, PublishedAnnouncements cache, TimeProvider time)
    {
        request ??= new PublishRequest();
        if (voting.Pipeline is not { } pipeline || !pipeline.Season.TryGetAnnouncement(announcementId, out int index))
        {
            return NotFound(announcementId);
        }

        if (await ViewAsync(pipeline) is not { } view)
        {
            return Unavailable();
        }

        var preview = AnnouncementDesk.Preview(view, index, time.GetUtcNow(), out var previewed);
        if (preview.Checks.FirstOrDefault(check => check.Blocking) is { } blocker)
        {
            return Blocked(blocker);
        }

        if (preview.Forensics.Any(finding => finding.Severity == "warning") && !request.AcknowledgeWarnings)
        {
            return Problem.Conflict(ProblemCodes.ForensicWarningsUnacknowledged,
                "Tally forensics warns about these figures (see the preview); publish with acknowledgeWarnings: true to go ahead.");
        }

        if (request.Fingerprint is { } fingerprint && !string.Equals(fingerprint, preview.Fingerprint, StringComparison.OrdinalIgnoreCase))
        {
            return Changed();
        }

        byte[] expected = previewed!.ToBytes();
        string? refusedBy = null;
        EntryOutcome outcome = await pipeline.AppendAsync((VotingState state, out string? refusal) =>
        {
            // At the entry's own turn: the checks again, and the ranking again from the live counts, which must be the
            // previewed one byte for byte — else the log would publish figures its own recount does not give here.
            var announcement = state.Season.Season.Announcements[index];
            if (AnnouncementGate.Blockers(state.Season, announcement, state.Window, state.Published, time.GetUtcNow())
                    .FirstOrDefault(check => check.Blocking) is { } late)
            {
                refusedBy = late.Code;
                refusal = late.Message;
                return null;
            }

            var entry = PublishedRankings.ToEntry(state.Season, AnnouncementDesk.Rank(state.Season, announcement.Id, state.Tallies, state.Published));
            if (!entry.ToBytes().AsSpan().SequenceEqual(expected))
            {
                refusedBy = ProblemCodes.AnnouncementChanged;
                refusal = "the counts changed since the preview";
                return null;
            }

            refusal = null;
            return entry;
        });

        cache.Invalidate();
        return outcome.Status switch
        {
            SubmitStatus.Accepted => TypedResults.Ok(new PublishResponse(announcementId, outcome.Index,
                Encoding.UTF8.GetString(outcome.Checkpoint!.Note.Span), preview.Fingerprint!,
                AnnouncementDesk.Published(pipeline.Season, index, WithPublished(view, pipeline.Season, previewed)))),
            SubmitStatus.Rejected => refusedBy switch
            {
                ProblemCodes.AnnouncementChanged => Changed(),
                not null => Blocked(new PreviewCheck(refusedBy, true, outcome.Problem ?? "")),
                null => Problem.Conflict(ProblemCodes.Conflict, $"The log refused the announcement: {outcome.Problem}."),
            },
            _ => Unavailable(),
        };
    }

    /// <summary>The published rankings including the one just appended, for the response (without another trip to the sequencer).</summary>
    private static Dictionary<string, KPops.Format.Ranking.AnnouncementResult> WithPublished(
        SeasonView view, KPops.Voting.Ballots.CompiledSeason season, AnnouncementPublished entry)
    {
        var published = new Dictionary<string, KPops.Format.Ranking.AnnouncementResult>(view.Published, StringComparer.Ordinal);
        var result = PublishedRankings.ToResult(season, entry);
        published[result.Announcement] = result;
        return published;
    }

    private static async Task<SeasonView?> ViewAsync(BallotPipeline pipeline)
    {
        try
        {
            return await SeasonView.TakeAsync(pipeline);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static ProblemHttpResult Blocked(PreviewCheck check) => check.Code switch
    {
        AnnouncementGate.AlreadyPublished => Problem.Conflict(ProblemCodes.AnnouncementAlreadyPublished, check.Message),
        AnnouncementGate.RoundOpen => Problem.Conflict(ProblemCodes.AnnouncementRoundOpen, check.Message),
        _ => Problem.Conflict(ProblemCodes.AnnouncementNotReady, check.Message),
    };

    private static ProblemHttpResult Changed() => Problem.Conflict(ProblemCodes.AnnouncementChanged,
        "The ranking is no longer the one previewed (counts or results changed since); preview again.");

    private static ProblemHttpResult NotFound(string announcementId) =>
        Problem.NotFound(ProblemCodes.AnnouncementNotFound, $"The log's season has no announcement '{announcementId}'.");

    private static ProblemHttpResult Unavailable() =>
        Problem.Of(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable, "The vote log is not running right now; retry.");
}
