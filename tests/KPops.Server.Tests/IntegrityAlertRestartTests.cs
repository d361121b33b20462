using System.Net;
using System.Net.Http.Json;
using KPops.Server.Integrity;
using KPops.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace KPops.Server.Tests;

/// <summary>The alerts producers review are kept in the database: a restart on the same data directory loses none of them, nor their decisions.</summary>
public sealed class IntegrityAlertRestartTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["KPops:Integrity:DeviceBurst:MaxVoters"] = "3" };

    [Fact]
    public async Task Open_and_dismissed_alerts_survive_a_restart_and_new_alerts_continue_their_numbering()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = await IntegrityTestServer.StartAsync(Settings);
        WebApplication? restarted = null;
        var firstStopped = false;
        try
        {
            // Four accounts on each of two phones: one device-burst alert per phone.
            for (var i = 0; i < 8; i++)
            {
                var voter = await server.VoterAsync();
                voter.DefaultRequestHeaders.Add(IntegrityHeaders.Device, i < 4 ? "farm-phone-a" : "farm-phone-b");
                using var response = await voter.PostAsync($"/api/rounds/{IntegrityTestServer.Round}/ballots", Json.Content($$"""{"picks":["t001"],"nonce":{{i}}}"""), ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            var before = await WaitForAlertsAsync(server.Producer, alerts => alerts.Count(a => a.Detector == DetectorCodes.DeviceBurst && a.BallotCount == 4) == 2);
            var dismissed = before.First(a => a.Detector == DetectorCodes.DeviceBurst);
            using (var dismiss = await server.Producer.PostAsJsonAsync($"/api/integrity/alerts/{dismissed.Id}/dismiss", new { note = "a phone shop's demo devices" }, ct))
            {
                Assert.Equal(HttpStatusCode.OK, dismiss.StatusCode);
            }

            before = await server.Producer.GetFromJsonAsync<AlertResponse[]>("/api/integrity/alerts/", ct) ?? [];
            // Stopped and disposed as a host shutting down: the log's lock is released, the last alert changes are saved.
            await server.App.StopAsync(ct);
            await server.App.DisposeAsync();
            firstStopped = true;

            restarted = await ServerFixture.StartAsync(new Dictionary<string, string?>(Settings)
            {
                ["KPops:DataDirectory"] = server.Data,
                ["KPops:FanCodeRequestsPerMinute"] = "10000",
            });
            using var producer = await ServerFixture.BearerClientAsync(restarted, ServerFixture.EmailOf(Role.Producer), ServerFixture.Password);
            var after = await producer.GetFromJsonAsync<AlertResponse[]>("/api/integrity/alerts/", ct) ?? [];

            Assert.Equal(Describe(before), Describe(after));
            var kept = Assert.Single(after, a => a.Id == dismissed.Id);
            Assert.Equal("dismissed", kept.Status);
            Assert.Equal("a phone shop's demo devices", kept.Decision?.Note);
            Assert.Equal(4, kept.Voters.Length);
            Assert.Equal(4, kept.Indices.Length);

            // The open alert can still be decided after the restart.
            var open = Assert.Single(after, a => a.Detector == DetectorCodes.DeviceBurst && a.Status == "open");
            using var decide = await producer.PostAsJsonAsync($"/api/integrity/alerts/{open.Id}/dismiss", new { note = "checked after the restart" }, ct);
            Assert.Equal(HttpStatusCode.OK, decide.StatusCode);
        }
        finally
        {
            if (restarted is not null)
            {
                await restarted.StopAsync(ct);
                await restarted.DisposeAsync();
            }

            if (!firstStopped)
            {
                await server.DisposeAsync();
            }
            else if (Directory.Exists(server.Data))
            {
                Directory.Delete(server.Data, recursive: true);
            }
        }
    }

    private static List<string> Describe(IEnumerable<AlertResponse> alerts) =>
        [.. alerts.Select(a => $"{a.Id} {a.Detector} {a.Source} {a.Round} {a.Status} {a.BallotCount} [{string.Join(',', a.Indices)}] [{string.Join(',', a.Voters)}] {a.FirstSeen:O} {a.LastSeen:O} {a.Decision?.By} {a.Decision?.At:O} {a.Decision?.Note} {a.Explanation}")];

    private static async Task<AlertResponse[]> WaitForAlertsAsync(HttpClient producer, Func<AlertResponse[], bool> wanted)
    {
        var ct = TestContext.Current.CancellationToken;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var alerts = await producer.GetFromJsonAsync<AlertResponse[]>("/api/integrity/alerts/", ct) ?? [];
            if (wanted(alerts))
            {
                return alerts;
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException("The expected alerts did not come within 10 s.");
    }
}
