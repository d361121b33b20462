using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using KPops.Server.Problems;
using KPops.Server.Voting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KPops.Server.Integrity;

/// <summary>
/// The integrity features on the ballot route, called by <see cref="BallotCasting"/>. Before the ballot
/// (<see cref="CheckAsync"/>): the proof-of-work stamp and the CAPTCHA token when they are enabled (off by default).
/// After an accepted ballot (<see cref="Observe"/>): its sighting (log index, client network, device hash, account) is
/// put on the detectors' bounded queue — a write that never waits.
/// </summary>
public sealed class IntegrityBallotGate(BallotObservations observations, ProofOfWork pow, IOptions<IntegrityOptions> options)
{
    /// <summary>The problem that refuses the ballot before it is read, or null when the enabled gates let it through.</summary>
    public ValueTask<ProblemHttpResult?> CheckAsync(HttpContext http, string? accountId)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (pow.Enabled && CheckProofOfWork(http, accountId) is { } powProblem)
        {
            return ValueTask.FromResult<ProblemHttpResult?>(powProblem);
        }

        return options.Value.Captcha.Enabled ? new ValueTask<ProblemHttpResult?>(CheckCaptchaAsync(http)) : ValueTask.FromResult<ProblemHttpResult?>(null);
    }

    /// <summary>Queues the sighting of a ballot the log accepted at <paramref name="index"/>.</summary>
    public void Observe(HttpContext http, long index, BallotVoter? voter)
    {
        ArgumentNullException.ThrowIfNull(http);
        observations.Enqueue(new BallotSighting(index, NetworkPrefix.Of(http.Connection.RemoteIpAddress), DeviceHash(http), voter?.AccountId,
            voter?.CreatedMinute ?? -1));
    }

    /// <summary>The device id header as a 64-bit hash; 0 when absent or oversized.</summary>
    public static ulong DeviceHash(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var value = http.Request.Headers[IntegrityHeaders.Device].ToString();
        if (value.Length is 0 or > IntegrityHeaders.MaxDeviceLength)
        {
            return 0;
        }

        var hash = BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        return hash == 0 ? 1 : hash;
    }

    private ProblemHttpResult? CheckProofOfWork(HttpContext http, string? accountId)
    {
        var challenge = http.Request.Headers[IntegrityHeaders.PowChallenge].ToString();
        var nonce = http.Request.Headers[IntegrityHeaders.PowNonce].ToString();
        if (challenge.Length == 0 || nonce.Length == 0)
        {
            return Problem.Of(StatusCodes.Status428PreconditionRequired, ProblemCodes.PowRequired,
                $"This server asks a proof of work with each ballot: get a challenge from GET /api/rounds/{{roundId}}/challenge and send it with a nonce in {IntegrityHeaders.PowChallenge} and {IntegrityHeaders.PowNonce}.");
        }

        var roundId = http.Request.RouteValues["roundId"] as string ?? string.Empty;
        var check = pow.Verify(challenge, nonce, roundId, accountId ?? string.Empty);
        return check switch
        {
            PowCheck.Valid => null,
            PowCheck.Expired => Problem.BadRequest(ProblemCodes.PowInvalid, "The proof-of-work challenge has expired: get a new one."),
            PowCheck.AlreadyUsed => Problem.BadRequest(ProblemCodes.PowInvalid, "The proof-of-work challenge was used already: get a new one for each ballot."),
            PowCheck.WrongRound => Problem.BadRequest(ProblemCodes.PowInvalid, "The proof-of-work challenge is for another round."),
            PowCheck.WrongVoter => Problem.BadRequest(ProblemCodes.PowInvalid, "The proof-of-work challenge was issued to another voter."),
            PowCheck.TooEasy => Problem.BadRequest(ProblemCodes.PowInvalid, "SHA-256(challenge:nonce) does not have the leading zero bits the challenge asks."),
            _ => Problem.BadRequest(ProblemCodes.PowInvalid, "The proof-of-work challenge is not one this server issued."),
        };
    }

    private static async Task<ProblemHttpResult?> CheckCaptchaAsync(HttpContext http)
    {
        var token = http.Request.Headers[IntegrityHeaders.Captcha].ToString();
        if (token.Length == 0)
        {
            return Problem.Of(StatusCodes.Status428PreconditionRequired, ProblemCodes.CaptchaRequired,
                $"This server asks a CAPTCHA with each ballot: send the widget's token in {IntegrityHeaders.Captcha}.");
        }

        try
        {
            // Resolved only when enabled: the verifier is a typed HttpClient, and building one per ballot for nothing
            // showed in the ballot route's profile.
            var captcha = http.RequestServices.GetRequiredService<ICaptchaVerifier>();
            var result = await captcha.VerifyAsync(token, http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
            return result.Success
                ? null
                : Problem.BadRequest(ProblemCodes.CaptchaInvalid, $"The CAPTCHA token was refused ({string.Join(", ", result.ErrorCodes)}): solve it again.");
        }
        catch (CaptchaUnavailableException)
        {
            return Problem.Of(StatusCodes.Status503ServiceUnavailable, ProblemCodes.CaptchaUnavailable, "The CAPTCHA could not be checked just now; try again.");
        }
    }
}
