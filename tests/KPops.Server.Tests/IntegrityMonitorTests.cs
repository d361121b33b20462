using System.Net;
using KPops.Server.Integrity;
using KPops.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Tests;

/// <summary>The integrity monitor reads accepted ballots back from the log, many at a time when they come in bursts.</summary>
public sealed class IntegrityMonitorTests
{
    [Fact]
    public async Task Every_ballot_of_a_concurrent_burst_reaches_the_detectors_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await IntegrityTestServer.StartAsync(new Dictionary<string, string?>());
        var monitor = server.App.Services.GetRequiredService<IntegrityMonitor>();
        var voters = new List<HttpClient>();
        for (int i = 0; i < 160; i++)
        {
            voters.Add(await server.VoterAsync());
        }

        long before = monitor.Observed;
        // 16 at a time, so that sightings queue up and the monitor reads runs of consecutive log entries together.
        await Parallel.ForEachAsync(voters, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (voter, token) =>
        {
            using var response = await voter.PostAsync($"/api/rounds/{IntegrityTestServer.Round}/ballots", Json.Content("""{"picks":["t001"],"nonce":1}"""), token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });

        for (int attempt = 0; attempt < 100 && monitor.Observed - before < voters.Count; attempt++)
        {
            await Task.Delay(50, ct);
        }

        Assert.Equal(voters.Count, monitor.Observed - before);
    }
}
