using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KPops.Server.Integrity;
using KPops.Server.Problems;
using KPops.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KPops.Server.Tests;

/// <summary>
/// The optional gates on the ballot route, both enabled: a proof-of-work stamp per ballot and a CAPTCHA token checked
/// with a loopback fake of the Turnstile/hCaptcha siteverify endpoint (which accepts the token "solved").
/// </summary>
public sealed class IntegrityGateTests : IAsyncLifetime
{
    private const int Difficulty = 8;
    private const string Secret = "site-secret-for-tests";
    private readonly ConcurrentQueue<Dictionary<string, string>> _siteVerifyCalls = new();
    private WebApplication? _siteVerify;
    private IntegrityTestServer? _server;

    private IntegrityTestServer Server => _server!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _siteVerify = builder.Build();
        _siteVerify.MapPost("/siteverify", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            _siteVerifyCalls.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            var success = form["secret"] == Secret && form["response"] == "solved";
            return Results.Json(new JsonObject { ["success"] = success, ["error-codes"] = success ? new JsonArray() : new JsonArray("invalid-input-response") });
        });
        await _siteVerify.StartAsync();
        var address = _siteVerify.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        _server = await IntegrityTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["KPops:Integrity:ProofOfWork:Enabled"] = "true",
            ["KPops:Integrity:ProofOfWork:DifficultyBits"] = Difficulty.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["KPops:Integrity:Captcha:Enabled"] = "true",
            ["KPops:Integrity:Captcha:VerifyUrl"] = address + "/siteverify",
            ["KPops:Integrity:Captcha:Secret"] = Secret,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_siteVerify is not null)
        {
            await _siteVerify.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_ballot_with_a_solved_challenge_and_captcha_is_accepted_and_the_challenge_cannot_be_used_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var voter = await Server.VoterAsync();
        var (challenge, nonce) = await SolveAsync(voter);

        using var accepted = await CastAsync(voter, challenge, nonce, "solved", ballotNonce: 1);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var call = Assert.Single(_siteVerifyCalls);
        Assert.Equal(Secret, call["secret"]);
        Assert.Equal("solved", call["response"]);

        using var reused = await CastAsync(voter, challenge, nonce, "solved", ballotNonce: 2);
        await AssertProblemAsync(reused, HttpStatusCode.BadRequest, ProblemCodes.PowInvalid);
        Assert.Contains("used already", await reused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ballot_without_proof_of_work_is_refused_with_pow_required()
    {
        var voter = await Server.VoterAsync();
        using var response = await CastAsync(voter, challenge: null, nonce: null, captcha: "solved", ballotNonce: 1);
        await AssertProblemAsync(response, (HttpStatusCode)StatusCodes.Status428PreconditionRequired, ProblemCodes.PowRequired);
    }

    [Fact]
    public async Task A_wrong_nonce_a_forged_challenge_and_another_voters_challenge_are_pow_invalid()
    {
        var voter = await Server.VoterAsync();
        var other = await Server.VoterAsync();
        var (challenge, nonce) = await SolveAsync(voter);
        var wrong = Enumerable.Range(0, 10_000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(n => ProofOfWork.LeadingZeroBits(challenge, n) < Difficulty);
        var forged = challenge[..^2] + (challenge[^2] == 'A' ? "BB" : "AA");

        using var badNonce = await CastAsync(voter, challenge, wrong, "solved", ballotNonce: 1);
        using var badChallenge = await CastAsync(voter, forged, nonce, "solved", ballotNonce: 1);
        using var notTheirs = await CastAsync(other, challenge, nonce, "solved", ballotNonce: 1);

        await AssertProblemAsync(badNonce, HttpStatusCode.BadRequest, ProblemCodes.PowInvalid);
        await AssertProblemAsync(badChallenge, HttpStatusCode.BadRequest, ProblemCodes.PowInvalid);
        await AssertProblemAsync(notTheirs, HttpStatusCode.BadRequest, ProblemCodes.PowInvalid);
    }

    [Fact]
    public async Task A_missing_or_refused_captcha_stops_the_ballot()
    {
        var voter = await Server.VoterAsync();
        var (challenge, nonce) = await SolveAsync(voter);
        using var missing = await CastAsync(voter, challenge, nonce, captcha: null, ballotNonce: 1);
        await AssertProblemAsync(missing, (HttpStatusCode)StatusCodes.Status428PreconditionRequired, ProblemCodes.CaptchaRequired);

        (challenge, nonce) = await SolveAsync(voter);
        using var refused = await CastAsync(voter, challenge, nonce, captcha: "robot", ballotNonce: 1);
        await AssertProblemAsync(refused, HttpStatusCode.BadRequest, ProblemCodes.CaptchaInvalid);
    }

    private static async Task<(string Challenge, string Nonce)> SolveAsync(HttpClient voter)
    {
        var issued = await voter.GetFromJsonAsync<ChallengeResponse>($"/api/rounds/{IntegrityTestServer.Round}/challenge", TestContext.Current.CancellationToken);
        Assert.True(issued!.Required);
        Assert.Equal(Difficulty, issued.DifficultyBits);
        for (var n = 0; ; n++)
        {
            var nonce = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (ProofOfWork.LeadingZeroBits(issued.Challenge, nonce) >= issued.DifficultyBits)
            {
                return (issued.Challenge, nonce);
            }
        }
    }

    private static async Task<HttpResponseMessage> CastAsync(HttpClient voter, string? challenge, string? nonce, string? captcha, int ballotNonce)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/rounds/{IntegrityTestServer.Round}/ballots")
        {
            Content = Json.Content($$"""{"picks":["t002"],"nonce":{{ballotNonce}}}"""),
        };
        if (challenge is not null)
        {
            request.Headers.Add(IntegrityHeaders.PowChallenge, challenge);
            request.Headers.Add(IntegrityHeaders.PowNonce, nonce);
        }

        if (captcha is not null)
        {
            request.Headers.Add(IntegrityHeaders.Captcha, captcha);
        }

        return await voter.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal(code, (string?)problem!["code"]);
    }
}
