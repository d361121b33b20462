using System.Net;
using System.Net.Http.Json;
using KPops.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace KPops.Server.Tests;

/// <summary>The code endpoint's per-client-address rate limit, on a server of its own with a limit of 2 a minute.</summary>
public sealed class FanCodeRateLimitTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kpops-rate-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication? _app;

    public async ValueTask InitializeAsync() =>
        _app = await ServerFixture.StartAsync(new Dictionary<string, string?>
        {
            ["KPops:DataDirectory"] = _data,
            ["KPops:FanCodeRequestsPerMinute"] = "2",
        });

    [Fact]
    public async Task Code_requests_beyond_the_limit_are_429_rate_limited()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = ServerFixture.CreateClient(_app!);
        var statuses = new List<HttpStatusCode>();
        for (int request = 0; request < 3; request++)
        {
            using var response = await client.PostAsJsonAsync("/api/fans/codes", new { email = FanCodes.NewEmail() }, ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("rate_limited", (string?)(await Json.ProblemAsync(response))["code"]);
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
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
}
