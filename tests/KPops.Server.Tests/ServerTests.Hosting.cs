using System.Net;
using System.Text.Json.Nodes;
using KPops.Server.Storage;
using KPops.Server.Telemetry;
using KPops.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Tests;

public abstract partial class ServerTests<TFixture>
{
    [Fact]
    public async Task Migrations_are_all_applied_at_start()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();

        var applied = await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(applied);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Health_reports_healthy_when_the_database_answers()
    {
        using var response = await As(Role.Anonymous).GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OpenApi_document_describes_the_endpoints()
    {
        var document = JsonNode.Parse(await As(Role.Anonymous).GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;

        var paths = document["paths"]!.AsObject().Select(path => path.Key).ToArray();
        Assert.Equal("KPops", (string?)document["info"]!["title"]);
        Assert.Contains("/api/seasons/{id}", paths);
        Assert.Contains("/api/staff/login", paths);
        Assert.Contains("/log/checkpoint", paths);
        Assert.Equal("LoadSeason", (string?)document["paths"]!["/api/seasons"]!["post"]!["operationId"]);
    }

    [Fact]
    public async Task Scalar_serves_the_browsable_api_reference()
    {
        using var response = await As(Role.Anonymous).GetAsync("/scalar/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Ballot_meters_are_exported_for_prometheus()
    {
        var metrics = Fixture.App.Services.GetRequiredService<KPopsMetrics>();
        metrics.BallotsAccepted(3);
        metrics.BallotRejected("already_voted");
        metrics.BatchCommitted(3);
        metrics.ReceiptIssued(TimeSpan.FromMilliseconds(4));

        string scrape = await MetricsScrape.UntilAsync(As(Role.Producer), TestContext.Current.CancellationToken,
            "kpops_ballots_accepted_total", "reason=\"already_voted\"", "kpops_ballots_batch_size_bucket", "kpops_ballots_receipt_duration_seconds_bucket");

        Assert.Contains("kpops_ballots_accepted_total", scrape, StringComparison.Ordinal);
        Assert.Contains("reason=\"already_voted\"", scrape, StringComparison.Ordinal);
        Assert.Contains("kpops_ballots_batch_size_bucket", scrape, StringComparison.Ordinal);
        Assert.Contains("kpops_ballots_receipt_duration_seconds_bucket", scrape, StringComparison.Ordinal);
        // The gauge reads the live pipeline's queue (wired by VotingHost, which other tests in this fixture drive),
        // so only its presence and a numeric value are asserted here.
        Assert.Matches(@"kpops_ballots_queue_depth(_ballots)?\{[^}]*\} \d+", scrape);
    }
}
