using System.Net;
using System.Net.Http.Json;
using KPops.Server.Fans;
using KPops.Server.Integrity;
using KPops.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Tests;

/// <summary>
/// The new-account cohort detector end to end: the monitor learns when each voter's account was created — from the
/// voter token, or for a legacy token without it from the database (in fixed-size look-ups) — so fresh accounts that
/// all cast the same ballot raise one cohort alert.
/// </summary>
public sealed class IntegrityCohortTests
{
    // More voters than one look-up chunk (64), so the look-up's padding and chunking are exercised.
    private const int Voters = 70;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["KPops:Integrity:Cohort:MinIdenticalVoters"] = "60",
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Fresh_accounts_casting_the_same_ballot_raise_a_new_account_cohort_alert(bool legacyTokens)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await IntegrityTestServer.StartAsync(Settings);
        for (var i = 0; i < Voters; i++)
        {
            // Each on its own device and network so that only the cohort detector can see them together.
            var voter = await server.VoterAsync();
            var tokens = server.App.Services.GetRequiredService<VoterTokens>();
            var fan = tokens.Read(voter.DefaultRequestHeaders.Authorization!.Parameter!)!.Value.FanId;
            // Legacy tokens make the monitor look the (real) accounts up in the database; current tokens carry the
            // creation time, shown here by accounts the database does not have at all.
            voter.DefaultRequestHeaders.Authorization = new("Bearer", legacyTokens
                ? LegacyVoterToken.For(server.Data, fan, DateTimeOffset.UtcNow.AddHours(1))
                : tokens.Issue(Guid.NewGuid(), DateTimeOffset.UtcNow));

            voter.DefaultRequestHeaders.Add(IntegrityHeaders.Device, $"phone-{i}");
            using var response = await voter.PostAsync($"/api/rounds/{IntegrityTestServer.Round}/ballots", Json.Content($$"""{"picks":["t001"],"nonce":{{i}}}"""), ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        AlertResponse[] alerts = [];
        for (var attempt = 0; attempt < 150 && !alerts.Any(a => a.Detector == DetectorCodes.NewAccountCohort); attempt++)
        {
            await Task.Delay(100, ct);
            alerts = await server.Producer.GetFromJsonAsync<AlertResponse[]>("/api/integrity/alerts/", ct) ?? [];
        }

        var cohort = Assert.Single(alerts, a => a.Detector == DetectorCodes.NewAccountCohort);
        Assert.True(cohort.BallotCount >= 60, $"the cohort alert names {cohort.BallotCount} ballots");
    }
}
