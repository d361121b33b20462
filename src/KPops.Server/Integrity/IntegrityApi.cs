using System.Security.Claims;
using System.Text.RegularExpressions;
using KPops.Server.Problems;
using KPops.Server.Staff;
using KPops.Server.Voting;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KPops.Server.Integrity;

/// <summary>
/// Staff review of the detectors' alerts (<c>/api/integrity/alerts</c>: auditors and producers read, producers decide)
/// and the voters' proof-of-work challenges. A quarantine is a <see cref="QuarantineEntry"/> appended to the log
/// through the ballot pipeline: the ballots stay in the log, every count (live and recount) leaves them out.
/// </summary>
public static partial class IntegrityApi
{
    /// <summary>Longest reviewer note; a quarantine's note is public, in the log.</summary>
    public const int MaxNoteLength = 300;

    public static IEndpointRouteBuilder MapIntegrityApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/integrity/alerts").WithTags("Integrity").RequireStaff(StaffPolicies.Auditor)
            .MapGet("/", ListAlerts).WithName("ListIntegrityAlerts").WithSummary("The detectors' alerts, newest first (auditors, producers)");
        var decide = app.MapGroup("/api/integrity/alerts/{alertId}").WithTags("Integrity").RequireStaff(StaffPolicies.Producer);
        decide.MapPost("/quarantine", QuarantineAsync).WithName("QuarantineAlert").WithSummary("Quarantine an alert's ballots with a reason code: a log entry (producers)");
        decide.MapPost("/dismiss", Dismiss).WithName("DismissAlert").WithSummary("Dismiss an alert as a false alarm (producers)");
        app.MapGroup("/api/rounds/{roundId}").WithTags("Voting").RequireStaff(VotingPolicies.Voter)
            .MapGet("/challenge", Challenge).WithName("GetBallotChallenge").WithSummary("A proof-of-work challenge for the next ballot (signed-in fans)");
        return app;
    }

    internal static Ok<AlertResponse[]> ListAlerts(AlertStore alerts, VotingHost voting, string? status = null)
    {
        AlertStatus? filter = Enum.TryParse<AlertStatus>(status, ignoreCase: true, out var parsed) ? parsed : null;
        return TypedResults.Ok(alerts.List(filter).Select(a => ToResponse(a, voting)).ToArray());
    }

    internal static async Task<Results<Ok<AlertResponse>, ProblemHttpResult>> QuarantineAsync(
        string alertId, QuarantineAlertRequest request, ClaimsPrincipal user, AlertStore alerts, VotingHost voting, TimeProvider time)
    {
        if (!TryParseReason(request.Reason, out var reason))
        {
            return Problem.BadRequest(ProblemCodes.BadRequest, "reason must be one of: other, multiple-accounts, automation, partner-batch, vote-buying.");
        }

        var byVoter = request.Target?.Trim().ToLowerInvariant() switch
        {
            null or "" or "entries" => false,
            "voters" => true,
            _ => (bool?)null,
        };
        if (byVoter is null)
        {
            return Problem.BadRequest(ProblemCodes.BadRequest, "target must be entries or voters.");
        }

        if (CheckNote(request.Note, publicNote: true) is { } invalid)
        {
            return invalid;
        }

        if (alerts.Find(alertId) is null)
        {
            return Problem.NotFound(ProblemCodes.AlertNotFound, $"There is no alert '{alertId}'.");
        }

        if (voting.Pipeline is not { } pipeline)
        {
            return Problem.Of(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable, "No season is loaded, so there is no vote log to quarantine in.");
        }

        if (Claim(alertId, alerts) is { } refused)
        {
            return refused;
        }

        var alert = alerts.Find(alertId)!;
        var note = $"{alert.Detector} {alert.Id}: {request.Note!.Trim()}";
        var entries = byVoter.Value
            ? alert.Voters.Select(v => (LogEntry)QuarantineEntry.ForVoter(v, alert.Round, reason, note)).ToList()
            : alert.Indices.Chunk(QuarantineEntry.MaxListedEntries).Select(c => (LogEntry)QuarantineEntry.ForEntries(c, reason, note)).ToList();
        var appended = new List<long>();
        foreach (var entry in entries)
        {
            var outcome = await pipeline.AppendAsync(entry);
            if (outcome.Status != SubmitStatus.Accepted)
            {
                // Entries already appended stand (they are in the log); the alert goes back to review with what was done.
                alerts.Complete(alertId, AlertStatus.Open, appended.Count == 0 ? null : Decision(user, time, reason, note, appended));
                return Problem.Of(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable, $"The quarantine could not be logged: {outcome.Problem}");
            }

            appended.Add(outcome.Index);
        }

        var done = alerts.Complete(alertId, AlertStatus.Quarantined, Decision(user, time, reason, note, appended))!;
        return TypedResults.Ok(ToResponse(done, voting));
    }

    internal static Results<Ok<AlertResponse>, ProblemHttpResult> Dismiss(
        string alertId, DismissAlertRequest request, ClaimsPrincipal user, AlertStore alerts, VotingHost voting, TimeProvider time)
    {
        if (CheckNote(request.Note, publicNote: false) is { } invalid)
        {
            return invalid;
        }

        if (Claim(alertId, alerts) is { } refused)
        {
            return refused;
        }

        var done = alerts.Complete(alertId, AlertStatus.Dismissed, Decision(user, time, null, request.Note!.Trim(), []))!;
        return TypedResults.Ok(ToResponse(done, voting));
    }

    internal static Results<Ok<ChallengeResponse>, ProblemHttpResult> Challenge(string roundId, ClaimsPrincipal user, ProofOfWork pow, VotingHost voting)
    {
        if (voting.Pipeline is not { } pipeline || !pipeline.Season.TryGetRound(roundId, out _))
        {
            return Problem.NotFound(ProblemCodes.RoundNotFound, $"The season has no round '{roundId}'.");
        }

        var challenge = pow.Issue(roundId, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty);
        return TypedResults.Ok(new ChallengeResponse(pow.Enabled, challenge.Challenge, challenge.DifficultyBits, challenge.ExpiresAt));
    }

    private static ProblemHttpResult? Claim(string alertId, AlertStore alerts)
    {
        if (alerts.TryClaim(alertId, out var open) is null)
        {
            return Problem.NotFound(ProblemCodes.AlertNotFound, $"There is no alert '{alertId}'.");
        }

        return open ? null : Problem.Conflict(ProblemCodes.AlertDecided, $"Alert '{alertId}' is already decided (or being decided).");
    }

    /// <summary>A note is required; a quarantine's is published in the log, so it must not carry contact data or addresses.</summary>
    private static ProblemHttpResult? CheckNote(string? note, bool publicNote)
    {
        var text = note?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxNoteLength)
        {
            return Problem.BadRequest(ProblemCodes.BadRequest, $"A note of 1 to {MaxNoteLength} characters is required.");
        }

        return publicNote && PersonalData().IsMatch(text)
            ? Problem.BadRequest(ProblemCodes.BadRequest, "The note is published in the vote log: leave out e-mail addresses, phone numbers and IP addresses.")
            : null;
    }

    private static AlertDecision Decision(ClaimsPrincipal user, TimeProvider time, QuarantineReason? reason, string note, List<long> entries) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown", time.GetUtcNow().ToUnixTimeMilliseconds(), reason, note, [.. entries]);

    private static bool TryParseReason(string? text, out QuarantineReason reason)
    {
        reason = QuarantineReason.Other;
        var normalized = text?.Replace("-", string.Empty, StringComparison.Ordinal).Trim();
        return !string.IsNullOrEmpty(normalized) && !normalized.All(char.IsAsciiDigit) && Enum.TryParse(normalized, ignoreCase: true, out reason);
    }

    private static AlertResponse ToResponse(AlertSnapshot alert, VotingHost voting)
    {
        var season = voting.Pipeline?.Season;
        var round = season is not null && alert.Round < season.RoundCount ? season.Season.Rounds[alert.Round].Id : alert.Round.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new AlertResponse(alert.Id, alert.Detector, alert.Source, round, alert.Explanation,
            DateTimeOffset.FromUnixTimeMilliseconds(alert.FirstSeenMs), DateTimeOffset.FromUnixTimeMilliseconds(alert.LastSeenMs),
            alert.BallotCount, [.. alert.Indices], [.. alert.Voters.Select(v => v.ToString())], Kebab(alert.Status.ToString()),
            alert.Decision is { } d
                ? new AlertDecisionResponse(d.By, DateTimeOffset.FromUnixTimeMilliseconds(d.AtMs), d.Reason is { } r ? Kebab(r.ToString()) : null, d.Note, [.. d.QuarantineEntries])
                : null);
    }

    private static string Kebab(string pascal) => KebabBoundary().Replace(pascal, "$1-$2").ToLowerInvariant();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex KebabBoundary();

    // An e-mail address, a phone number (8+ digits with separators) or an IPv4/IPv6 address.
    [GeneratedRegex(@"[^\s@]+@[^\s@]+|\+?\d[\d\s().-]{7,}\d|\b\d{1,3}(\.\d{1,3}){3}\b|\b[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{0,4}){2,7}\b")]
    private static partial Regex PersonalData();
}
