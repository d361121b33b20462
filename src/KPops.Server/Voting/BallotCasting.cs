using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading.RateLimiting;
using KPops.Server.Hosting;
using KPops.Server.Integrity;
using KPops.Server.Problems;
using KPops.Server.Staff;
using KPops.Server.Telemetry;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace KPops.Server.Voting;

/// <summary>
/// <c>POST /api/rounds/{roundId}/ballots</c>, start to finish, as plain calls in order: the anti-forgery check for
/// cookie sessions, the per-account and per-address rate limits, the integrity gates (proof of work, CAPTCHA), reading
/// and checking the ballot, the pipeline, the integrity sighting, the receipt. One handler rather than a chain of
/// endpoint filters and a typed result: on the route every ballot takes, the filters' per-request invocation contexts
/// and boxing, and the receipt's response object and strings, showed in the profile.
/// </summary>
public sealed class BallotCasting(
    VotingHost voting, KPopsMetrics metrics, TimeProvider time, BallotRateLimits limits, IntegrityBallotGate integrity, IAntiforgery antiforgery,
    IOptions<JsonOptions> json, IEnumerable<IExceptionHandler> exceptionHandlers)
{
    /// <summary>ASP.NET Core's status for a request the client abandoned (what the exception middleware sets).</summary>
    private const int ClientClosedRequest = 499;

    private const int MaxBallotBytes = BallotsApi.MaxBallotBytes;

    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;
    private readonly IExceptionHandler[] _exceptionHandlers = [.. exceptionHandlers];

    /// <summary>
    /// Casts the ballot and answers it. Exceptions are answered here as the exception-handler middleware would (the
    /// same <see cref="IExceptionHandler"/>s: a problem with its status, 400/413 for a bad request body, 500 otherwise;
    /// a request the client abandoned is left at 499), because the voter ballot lane runs ahead of that middleware.
    /// </summary>
    public async Task CastAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        long arrived = Stopwatch.GetTimestamp();
        try
        {
            IResult result = await AnswerAsync(http, arrived);
            await result.ExecuteAsync(http);
        }
        catch (Exception exception) when (!http.Response.HasStarted)
        {
            await AnswerFailureAsync(http, exception);
        }
    }

    private async Task AnswerFailureAsync(HttpContext http, Exception exception)
    {
        if (exception is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested)
        {
            http.Response.StatusCode = ClientClosedRequest;
            return;
        }

        http.Response.Clear();
        foreach (IExceptionHandler handler in _exceptionHandlers)
        {
            if (await handler.TryHandleAsync(http, exception, http.RequestAborted))
            {
                return;
            }
        }

        ExceptionDispatchInfo.Throw(exception);
    }

    private async ValueTask<IResult> AnswerAsync(HttpContext http, long arrived)
    {
        if (await CookieAntiforgeryFilter.RefuseAsync(http, antiforgery) is { } forged)
        {
            return forged;
        }

        using RateLimitLease lease = limits.Acquire(http);
        if (!lease.IsAcquired)
        {
            return BallotRateLimits.Refusal(http.Response, lease);
        }

        // The account id is the voter token's fan or the principal's name identifier (Identity accounts): resolving
        // UserManager to read it would construct a DbContext per ballot.
        BallotVoter? voter = BallotVoter.Of(http);
        string? accountId = voter?.AccountId;
        if (await integrity.CheckAsync(http, accountId) is { } gated)
        {
            return gated;
        }

        HttpRequest request = http.Request;
        if (!request.HasJsonContentType())
        {
            return Problem.Of(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, "Send the ballot as application/json.");
        }

        if (request.ContentLength > MaxBallotBytes)
        {
            return TooLarge();
        }

        (bool fits, CastBallotRequest? cast) = await RequestBody.ParseLimitedAsync(request.BodyReader, MaxBallotBytes, CastBallotReader.Read, http.RequestAborted);
        if (!fits)
        {
            return TooLarge();
        }

        if (cast?.Picks is null || cast.Nonce is null)
        {
            return Problem.BadRequest(ProblemCodes.BadRequest, "A ballot is a JSON object with picks (trainee ids) and a nonce (0 to 4294967295).");
        }

        BallotPipeline? pipeline = voting.Pipeline;
        if (pipeline is null)
        {
            // No season yet, so no round of that name either.
            return Refused(BallotCheck.UnknownRound.ToCode());
        }

        if (accountId is null)
        {
            return Refused("unavailable");
        }

        string roundId = request.RouteValues["roundId"] as string ?? string.Empty;
        if (!BallotForm.TryBuild(pipeline.Season, roundId, cast, voting.Pseudonyms.Of(accountId), out Ballot ballot, out string? refusal))
        {
            return Refused(refusal);
        }

        BallotOutcome outcome = await pipeline.SubmitAsync(pipeline.Season.Stamp(ballot, time));
        if (!outcome.IsInLog)
        {
            BallotProblems.AdviseRetry(http.Response, outcome.Status, pipeline);
            return Refused(outcome.Code);
        }

        if (outcome.Status == SubmitStatus.Accepted)
        {
            metrics.BallotsAccepted();
            integrity.Observe(http, outcome.Index, voter);
        }

        var receipt = new ReceiptResult(outcome.Code, pipeline, outcome, _json);
        metrics.ReceiptIssued(Stopwatch.GetElapsedTime(arrived));
        return receipt;
    }

    private static ProblemHttpResult TooLarge() =>
        Problem.Of(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, $"A ballot may be at most {MaxBallotBytes} bytes.");

    private ProblemHttpResult Refused(string code)
    {
        metrics.BallotRejected(code);
        return BallotProblems.For(code);
    }
}
