using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using KPops.Log;
using KPops.Server.Live;
using KPops.Server.Operations;
using KPops.Server.Tests.Infrastructure;
using KPops.Server.Voting;
using KPops.Voting;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;
using KPops.Voting.Recount;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Tests;

/// <summary>
/// The issue's "done when": counts cast into a round reach producers (preview, live hub) and nobody else — not
/// anonymous, fans, voters, mentors or auditors, through any GET endpoint or the hub — until the announcement is
/// published; then the public announcement shows the ranking, and a recount of the served log agrees with it.
/// </summary>
public abstract partial class EmbargoTests<TFixture>
    where TFixture : OperationsFixture
{
    /// <summary>Ballots cast: <see cref="FirstPicks"/> for t013, the rest for t042.</summary>
    private const int Ballots = 24_683;
    private const int FirstPicks = 1_357;
    private const long Favourite = Ballots - FirstPicks;

    /// <summary>The level evaluation's A is worth 5,000 in the fixture's season.</summary>
    private const long FavouriteScore = Favourite + 5_000;

    private static readonly Role[] Outsiders = [Role.Anonymous, Role.Fan, Role.Voter, Role.Mentor, Role.Auditor];

    protected EmbargoTests(TFixture fixture)
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? "");
        Fixture = fixture;
    }

    protected TFixture Fixture { get; }

    private BallotPipeline Pipeline => Fixture.App.Services.GetRequiredService<VotingHost>().Pipeline!;

    [Fact]
    public async Task Counts_reach_producers_only_until_the_announcement_is_published()
    {
        var ct = TestContext.Current.CancellationToken;
        await Fixture.SetUpAsync();
        await using var producerHub = LiveHubClient.Create(Fixture.App, LiveHubClient.TokenOf(Fixture.As(Role.Producer)));
        var liveFavourite = LiveHubClient.WaitForAsync(producerHub, snapshot => VotesOf(snapshot, OperationsFixture.OpenRound, "t042") == Favourite);
        await producerHub.StartAsync(ct);

        long firstBallot = (await CastAsync(Ballots, i => i < FirstPicks ? "t013" : "t042")).Min(outcome => outcome.Index);
        await PostOkAsync(Role.Mentor, $"/api/evaluations/{OperationsFixture.LevelEvaluation}/grades", new { traineeId = "t042", grade = "A" });
        await PostOkAsync(Role.Producer, "/api/evaluations/group-battle/results", new { traineeId = "t010", result = "groupWin" });

        // Producers see the counts: live through the hub, and ranked in the preview (which may not publish yet).
        var live = await liveFavourite.WaitAsync(TimeSpan.FromSeconds(15), ct);
        Assert.Equal(Ballots, live.Rounds.Single(r => r.RoundId == OperationsFixture.OpenRound).BallotsCounted);
        var preview = await PreviewAsync();
        var top = preview.Rows[0];
        Assert.Equal(("t042", 1, FavouriteScore, "survived"), (top.TraineeId, top.Rank, top.Score, top.Status));
        Assert.Equal([("online", (decimal)Favourite), ("benefits", 5_000m)], top.Breakdown.Select(c => (c.Label, c.Counted)));
        Assert.False(preview.CanPublish);
        Assert.Contains(preview.Checks, check => check is { Code: "round-open", Blocking: true });
        await AssertProblemAsync(await PublishAsync(new { }), HttpStatusCode.Conflict, "announcement_round_open");

        // Nobody else learns them, through any GET endpoint or the hub.
        string[] secrets = [$"{Ballots}", $"{Favourite}", $"{FavouriteScore}"];
        await AssertNoEndpointRevealsAsync(secrets);
        await AssertBallotEntriesEmbargoedAsync(firstBallot);
        await AssertProblemAsync(await Fixture.As(Role.Anonymous).GetAsync($"/api/announcements/{OperationsFixture.Ranking}", ct),
            HttpStatusCode.NotFound, "announcement_not_published");
        Assert.DoesNotContain(await Fixture.As(Role.Anonymous).GetFromJsonAsync<PublishedAnnouncement[]>("/api/announcements", ct) ?? [],
            announcement => announcement.AnnouncementId == OperationsFixture.Ranking);

        // Closing the round makes the counts final; publishing appends exactly the previewed ranking.
        (await Fixture.As(Role.Producer).PostAsync($"/api/rounds/{OperationsFixture.OpenRound}/close", null, ct)).EnsureSuccessStatusCode();
        var final = await PreviewAsync();
        Assert.True(final.CanPublish, string.Join("; ", final.Checks.Select(c => c.Message)));
        await AssertProblemAsync(await PublishAsync(new { fingerprint = new string('0', 64) }), HttpStatusCode.Conflict, "announcement_changed");
        await AssertBallotEntriesEmbargoedAsync(firstBallot);
        using var published = await PublishAsync(new { fingerprint = final.Fingerprint });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var publication = (await published.Content.ReadFromJsonAsync<PublishResponse>(ct))!;
        Assert.Equal(final.Rows.Select(r => (r.TraineeId, r.Rank, r.Score)), publication.Announcement.Rows.Select(r => (r.TraineeId, r.Rank, r.Score)));

        // Now it is public: the ranking, as the log holds it.
        var shown = (await Fixture.As(Role.Anonymous).GetFromJsonAsync<PublishedAnnouncement>($"/api/announcements/{OperationsFixture.Ranking}", ct))!;
        Assert.Equal(final.Rows.Select(r => (r.TraineeId, r.Rank, r.Score, r.Status, r.Seat)), shown.Rows.Select(r => (r.TraineeId, r.Rank, r.Score, r.Status, r.Seat)));
        Assert.Equal(("t042", "survived", (int?)null), (shown.Rows[0].TraineeId, shown.Rows[0].Status, shown.Rows[0].PreviousRank));
        Assert.Contains(await Fixture.As(Role.Fan).GetFromJsonAsync<PublishedAnnouncement[]>("/api/announcements", ct) ?? [],
            announcement => announcement.AnnouncementId == OperationsFixture.Ranking);
        await AssertProblemAsync(await PublishAsync(new { }), HttpStatusCode.Conflict, "announcement_already_published");

        await AssertBallotEntriesReleasedAsync(firstBallot);
        var recount = await RecountServedLogAsync();
        Assert.True(recount.AllMatch, string.Join("; ", recount.Announcements.SelectMany(a => a.Differences)));
        var check = Assert.Single(recount.Announcements, a => a.Announcement == OperationsFixture.Ranking);
        Assert.Equal(publication.Index, check.EntryIndex);
    }

    [Fact]
    public async Task Outsiders_cannot_join_the_live_counts_hub()
    {
        var ct = TestContext.Current.CancellationToken;
        await Fixture.SetUpAsync();

        foreach (var role in Outsiders)
        {
            using var negotiate = await Fixture.As(role).PostAsync($"{LiveCountsHub.Route}/negotiate?negotiateVersion=1", null, ct);
            Assert.True(negotiate.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{role}: {negotiate.StatusCode}");

            await using var connection = LiveHubClient.Create(Fixture.App, LiveHubClient.TokenOf(Fixture.As(role)));
            await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(ct));
        }
    }

    [Fact]
    public async Task Producer_token_in_the_query_string_opens_the_hub_for_browsers()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = ServerFixture.CreateClient(Fixture.App);
        string token = LiveHubClient.TokenOf(Fixture.As(Role.Producer))!;

        using var withToken = await anonymous.PostAsync($"{LiveCountsHub.Route}/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(token)}", null, ct);
        using var elsewhere = await anonymous.GetAsync($"/api/announcements/{OperationsFixture.Ranking}/preview?access_token={Uri.EscapeDataString(token)}", ct);

        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    /// <summary>Every GET endpoint (parameters filled with this season's ids), as every role but producer.</summary>
    private async Task AssertNoEndpointRevealsAsync(IReadOnlyList<string> secrets)
    {
        var ct = TestContext.Current.CancellationToken;
        var paths = GetPaths().Concat(["/log/tile/entries/000", "/log/tile/0/000", $"/api/receipts/{Pipeline.LogSize - 1}"]).Distinct().ToList();
        Assert.Contains($"/api/announcements/{OperationsFixture.Ranking}/preview", paths);
        var leaks = new List<string>();
        foreach (var role in Outsiders)
        {
            foreach (string path in paths)
            {
                using var response = await Fixture.As(role).GetAsync(path, ct);
                string text = response.Headers + "\n" + await response.Content.ReadAsStringAsync(ct);
                leaks.AddRange(secrets.Where(secret => Regex.IsMatch(text, $"(?<![0-9]){secret}(?![0-9])")).Select(secret => $"{role} GET {path}: {secret}"));
            }
        }

        Assert.Empty(leaks);
    }

    private IEnumerable<string> GetPaths()
    {
        var endpoints = Fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (methods.Contains("GET"))
            {
                yield return Fill(endpoint.RoutePattern);
            }
        }
    }

    private string Fill(RoutePattern pattern)
    {
        string path = pattern.RawText ?? "/";
        foreach (var parameter in pattern.Parameters)
        {
            string value = parameter.Name switch
            {
                "announcementId" => OperationsFixture.Ranking,
                "evaluationId" => OperationsFixture.LevelEvaluation,
                "roundId" => OperationsFixture.OpenRound,
                "id" => Fixture.SeasonId,
                "index" => "0",
                "documentName" => "v1",
                "path" => "0/000",
                _ => "x",
            };
            path = Regex.Replace(path, $@"\{{\**{Regex.Escape(parameter.Name)}[^}}]*\}}", value);
        }

        return path.StartsWith('/') ? path : "/" + path;
    }

    private async Task<BallotOutcome[]> CastAsync(int count, Func<int, string> pick)
    {
        var season = Pipeline.Season;
        int round = season.RoundIndex(OperationsFixture.OpenRound);
        ulong voters = (ulong)Random.Shared.NextInt64();
        var ballots = new Ballot[count];
        for (int i = 0; i < count; i++)
        {
            ushort[] picks = [(ushort)season.TraineeIndex(pick(i))];
            ballots[i] = season.Stamp(new Ballot(picks) { Round = (ushort)round, Voter = new VoterPseudonym(voters, (ulong)i), Nonce = 1 }, TimeProvider.System);
        }

        var outcomes = new BallotOutcome[count];
        await Pipeline.SubmitManyAsync(ballots, outcomes);
        Assert.All(outcomes, outcome => Assert.Equal(SubmitStatus.Accepted, outcome.Status));
        return outcomes;
    }

    private async Task PostOkAsync(Role role, string path, object body)
    {
        using var response = await Fixture.As(role).PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<AnnouncementPreview> PreviewAsync() =>
        (await Fixture.As(Role.Producer).GetFromJsonAsync<AnnouncementPreview>(
            $"/api/announcements/{OperationsFixture.Ranking}/preview", TestContext.Current.CancellationToken))!;

    private Task<HttpResponseMessage> PublishAsync(object body) =>
        Fixture.As(Role.Producer).PostAsJsonAsync($"/api/announcements/{OperationsFixture.Ranking}/publish", body, TestContext.Current.CancellationToken);

    private async Task<RecountReport> RecountServedLogAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = ServerFixture.CreateClient(Fixture.App);
        var verifier = NoteVerifier.Parse((await anonymous.GetStringAsync("/log/key", ct)).TrimEnd('\n'));
        var client = new TileLogClient(new HttpTileSource(anonymous));
        var head = await client.ReadCheckpointAsync(verifier, cancellationToken: ct);
        var history = new MemoryEntryHistory();
        await foreach (var entry in client.ReadEntriesAsync(head, 0, ct))
        {
            history.Append(entry.Data);
        }

        return Recounter.Recount(history);
    }

    internal static long VotesOf(LiveCountsSnapshot snapshot, string round, string trainee) =>
        snapshot.Rounds.Single(r => r.RoundId == round).Trainees.SingleOrDefault(t => t.TraineeId == trainee)?.Total ?? 0;

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal(code, (string?)(await Json.ProblemAsync(response))["code"]);
        }
    }
}

public sealed class SqliteEmbargoTests(SqliteOperationsFixture fixture)
    : EmbargoTests<SqliteOperationsFixture>(fixture), IClassFixture<SqliteOperationsFixture>;

public sealed class PostgresEmbargoTests(PostgresOperationsFixture fixture)
    : EmbargoTests<PostgresOperationsFixture>(fixture), IClassFixture<PostgresOperationsFixture>;
