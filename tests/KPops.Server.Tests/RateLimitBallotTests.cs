using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KPops.Server.Tests.Infrastructure;
using KPops.Server.Voting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace KPops.Server.Tests;

/// <summary>
/// The ballot endpoint's rate limits, on a server of its own with 3 ballot requests per account and 5 per address a
/// minute. No season is loaded: every request that passes the limits meets <c>unknown-round</c> (404), which is enough
/// to tell the limits apart.
/// </summary>
public sealed class RateLimitBallotTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kpops-ballot-rate-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication? _app;

    public async ValueTask InitializeAsync() =>
        _app = await ServerFixture.StartAsync(new Dictionary<string, string?>
        {
            ["KPops:DataDirectory"] = _data,
            ["KPops:FanCodeRequestsPerMinute"] = "1000",
            ["KPops:BallotsPerAccountPerMinute"] = "3",
            ["KPops:BallotsPerAddressPerMinute"] = "5",
        });

    [Fact]
    public async Task One_account_beyond_its_limit_gets_429_rate_limited_with_retry_after()
    {
        string token = await VoterTokenAsync();

        var answers = new List<HttpContext>();
        for (int i = 0; i < 4; i++)
        {
            answers.Add(await CastAsync(token, "10.0.0.1"));
        }

        Assert.Equal([404, 404, 404, 429], answers.Select(a => a.Response.StatusCode));
        Assert.Equal("rate_limited", await CodeAsync(answers[3]));
        Assert.InRange(int.Parse(answers[3].Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    [Fact]
    public async Task Many_accounts_from_one_address_beyond_its_limit_get_429_while_other_addresses_go_on()
    {
        var statuses = new List<int>();
        for (int i = 0; i < 6; i++)
        {
            statuses.Add((await CastAsync(await VoterTokenAsync(), "10.0.0.2")).Response.StatusCode);
        }

        var elsewhere = await CastAsync(await VoterTokenAsync(), "10.0.0.3");

        Assert.Equal([404, 404, 404, 404, 404, 429], statuses);
        Assert.Equal(404, elsewhere.Response.StatusCode);
    }

    [Fact]
    public void Full_pipeline_queue_is_429_with_the_ballot_code_rate_limited()
    {
        var problem = BallotProblems.For("rate-limited");

        Assert.Equal(StatusCodes.Status429TooManyRequests, problem.StatusCode);
        Assert.Equal("rate-limited", problem.ProblemDetails.Extensions["code"]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private async Task<string> VoterTokenAsync()
    {
        using var client = ServerFixture.CreateClient(_app!);
        return (await FanCodes.SignUpAsync(client, _data, FanCodes.NewEmail())).AccessToken;
    }

    /// <summary>A ballot request as if from <paramref name="address"/> (the test server lets the test set the connection).</summary>
    private Task<HttpContext> CastAsync(string token, string address) =>
        _app!.GetTestServer().SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            context.Request.Method = "POST";
            context.Request.Path = "/api/rounds/no-such-round/ballots";
            context.Request.Headers.Authorization = "Bearer " + token;
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream("""{"picks":["t001"],"nonce":1}"""u8.ToArray());
        }, TestContext.Current.CancellationToken);

    private static async Task<string?> CodeAsync(HttpContext answer)
    {
        var problem = await System.Text.Json.JsonSerializer.DeserializeAsync<JsonObject>(answer.Response.Body);
        return (string?)problem!["code"];
    }
}
