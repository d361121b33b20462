using System.Text;
using KPops.Server.Problems;
using KPops.Server.Staff;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KPops.Server.Voting;

/// <summary>
/// Producers open, close and extend voting rounds under <c>/api/rounds/{roundId}</c>. Each action is a log entry
/// appended through the ballot pipeline, after every ballot queued before it, so the log says exactly which ballots
/// a round's window took.
/// </summary>
public static class RoundsApi
{
    /// <summary>Longest extension reason accepted; it is public, in the log.</summary>
    public const int MaxReasonLength = 500;

    public static IEndpointRouteBuilder MapRoundsApi(this IEndpointRouteBuilder app)
    {
        var rounds = app.MapGroup("/api/rounds/{roundId}").WithTags("Rounds").RequireStaff(StaffPolicies.Producer);
        rounds.MapPost("/open", OpenAsync).WithName("OpenRound").WithSummary("Open a voting round (producers)");
        rounds.MapPost("/close", CloseAsync).WithName("CloseRound").WithSummary("Close a voting round (producers)");
        rounds.MapPost("/extend", ExtendAsync).WithName("ExtendRound").WithSummary("Move a round's closing time, with a public reason (producers)");
        return app;
    }

    internal static Task<Results<Ok<RoundEntryResponse>, ProblemHttpResult>> OpenAsync(
        string roundId, VotingHost voting, TimeProvider time) =>
        AppendAsync(roundId, voting, round => new RoundOpened(round, time.GetUtcNow().ToUnixTimeMilliseconds()));

    internal static Task<Results<Ok<RoundEntryResponse>, ProblemHttpResult>> CloseAsync(
        string roundId, VotingHost voting, TimeProvider time) =>
        AppendAsync(roundId, voting, round => new RoundClosed(round, time.GetUtcNow().ToUnixTimeMilliseconds()));

    internal static async Task<Results<Ok<RoundEntryResponse>, ProblemHttpResult>> ExtendAsync(
        string roundId, ExtendRoundRequest request, VotingHost voting, TimeProvider time)
    {
        var now = time.GetUtcNow();
        string? reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return Problem.BadRequest(ProblemCodes.BadRequest, $"An extension needs a reason of 1 to {MaxReasonLength} characters; it is published in the log.");
        }

        if (request.ClosesAt is not { } closesAt || closesAt <= now)
        {
            return Problem.BadRequest(ProblemCodes.BadRequest, "An extension needs a closesAt in the future.");
        }

        return await AppendAsync(roundId, voting,
            round => new RoundExtended(round, now.ToUnixTimeMilliseconds(), closesAt.ToUnixTimeMilliseconds(), reason));
    }

    private static async Task<Results<Ok<RoundEntryResponse>, ProblemHttpResult>> AppendAsync(
        string roundId, VotingHost voting, Func<ushort, LogEntry> entryFor)
    {
        BallotPipeline? pipeline = voting.Pipeline;
        if (pipeline is null || !pipeline.Season.TryGetRound(roundId, out int round))
        {
            return Problem.NotFound(ProblemCodes.RoundNotFound, $"The log's season has no round '{roundId}'.");
        }

        LogEntry entry = entryFor((ushort)round);
        EntryOutcome outcome = await pipeline.AppendAsync(entry);
        return outcome.Status switch
        {
            SubmitStatus.Accepted => TypedResults.Ok(new RoundEntryResponse(
                roundId, entry.Kind.ToString(), outcome.Index, Encoding.UTF8.GetString(outcome.Checkpoint!.Note.Span))),
            SubmitStatus.Rejected => Problem.Conflict(ProblemCodes.RoundStateConflict, $"Round '{roundId}': {outcome.Problem}."),
            _ => Problem.Of(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable, "The vote log cannot take entries right now; retry."),
        };
    }
}
