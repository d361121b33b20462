using System.Net;
using System.Net.Http.Json;
using KPops.Audit;
using KPops.Log;
using KPops.Server.Integrity;
using KPops.Server.Problems;
using KPops.Server.PublicLog;
using KPops.Server.Tests.Infrastructure;
using KPops.Server.Voting;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Tests;

/// <summary>
/// End to end: ballots from one device raise an alert, a producer quarantines them, and both the pipeline's live
/// tallies and an independent audit of the log leave exactly those ballots out, while they stay in the log.
/// </summary>
public sealed class IntegrityQuarantineTests : IAsyncLifetime
{
    private IntegrityTestServer? _server;

    private IntegrityTestServer Server => _server!;

    public async ValueTask InitializeAsync() => _server = await IntegrityTestServer.StartAsync(new Dictionary<string, string?>
    {
        ["KPops:Integrity:DeviceBurst:MaxVoters"] = "3",
    });

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ballots_from_one_device_are_alerted_quarantined_and_left_out_of_the_live_count_and_the_audit()
    {
        var ct = TestContext.Current.CancellationToken;
        // Two honest fans on their own phones, then four accounts on one phone, all for t001.
        var farm = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            var voter = await Server.VoterAsync();
            voter.DefaultRequestHeaders.Add(IntegrityHeaders.Device, i < 2 ? $"honest-phone-{i}" : "farm-phone");
            using var response = await voter.PostAsync($"/api/rounds/{IntegrityTestServer.Round}/ballots", Json.Content($$"""{"picks":["t001"],"nonce":{{i}}}"""), ct);
            var receipt = await response.Content.ReadFromJsonAsync<ReceiptResponse>(ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (i >= 2)
            {
                farm.Add(receipt!.Index);
            }
        }

        const string round = IntegrityTestServer.Round;
        Assert.Equal(6, Server.Pipeline.Tallies.Votes(round, "t001"));

        var alert = await WaitForAlertAsync(a => a.Detector == DetectorCodes.DeviceBurst && a.BallotCount == farm.Count);
        Assert.Equal(farm.Order(), alert.Indices.Order());
        Assert.Equal(4, alert.Voters.Length);
        Assert.Equal(IntegrityTestServer.Round, alert.Round);
        Assert.Equal("open", alert.Status);

        using var quarantine = await Server.Producer.PostAsJsonAsync($"/api/integrity/alerts/{alert.Id}/quarantine",
            new { reason = "multiple-accounts", note = "four accounts cycled on one phone" }, ct);
        var decided = await quarantine.Content.ReadFromJsonAsync<AlertResponse>(ct);
        Assert.Equal(HttpStatusCode.OK, quarantine.StatusCode);
        Assert.Equal("quarantined", decided!.Status);
        Assert.Equal("multiple-accounts", decided.Decision!.Reason);
        var entry = Assert.Single(decided.Decision.QuarantineEntries);
        Assert.True(entry > farm.Max());

        // The live count leaves the farm out...
        Assert.Equal(2, Server.Pipeline.Tallies.Votes(round, "t001"));

        // ...and so does a recount of the log by an auditor who trusts only the log's key; the farm's ballots are still in it.
        var log = Server.App.Services.GetRequiredService<LogHost>();
        var report = await new LogAuditor(new StorageTileSource(log.Storage), log.Signer.Verifier).RunAsync(ct);
        Assert.Equal(AuditVerdict.Passed, report.Verdict);
        Assert.Equal(2, report.Recount!.Tallies!.Votes(round, "t001"));
        Assert.True(report.Checkpoint!.Size > farm.Max());

        // A decided alert cannot be decided again.
        using var again = await Server.Producer.PostAsJsonAsync($"/api/integrity/alerts/{alert.Id}/dismiss", new { note = "second thoughts" }, ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(ProblemCodes.AlertDecided, await again.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quarantine_note_with_contact_data_is_refused_because_it_would_be_public()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await Server.Producer.PostAsJsonAsync("/api/integrity/alerts/alert-1/quarantine",
            new { reason = "automation", note = "bot at 198.51.100.7" }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var unknownReason = await Server.Producer.PostAsJsonAsync("/api/integrity/alerts/alert-1/quarantine",
            new { reason = "because", note = "fine" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknownReason.StatusCode);
    }

    private async Task<AlertResponse> WaitForAlertAsync(Func<AlertResponse, bool> wanted)
    {
        var ct = TestContext.Current.CancellationToken;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var alerts = await Server.Producer.GetFromJsonAsync<AlertResponse[]>("/api/integrity/alerts/", ct);
            if (alerts!.FirstOrDefault(wanted) is { } alert)
            {
                return alert;
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException("The expected alert did not come within 10 s.");
    }
}
