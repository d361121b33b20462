using System.Net;
using System.Net.Http.Json;
using KPops.Server.Operations;
using KPops.Server.Tests.Infrastructure;
using KPops.Server.Voting;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Tests;

/// <summary>
/// Season operations on the shared server, whose log defines a Produce X 101 season (whichever test loads the first
/// one). These tests never close a round or publish: others share this server.
/// </summary>
public abstract partial class ServerTests<TFixture>
{
    [Fact]
    public async Task Producer_awards_a_benefit_from_the_season_table_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await EnsureLogSeasonAsync();

        using var awarded = await As(Role.Producer).PostAsJsonAsync("/api/evaluations/group-battle/results", new { traineeId = "t077", result = "groupWin" }, ct);
        var body = (await awarded.Content.ReadFromJsonAsync<EvaluationEntryResponse>(ct))!;
        using var again = await As(Role.Producer).PostAsJsonAsync("/api/evaluations/group-battle/results", new { traineeId = "t077", result = "groupWin" }, ct);

        Assert.Equal(HttpStatusCode.OK, awarded.StatusCode);
        Assert.Equal(("group-battle", "t077", "groupWin", 3000L, "EvaluationResultRecorded"), (body.EvaluationId, body.TraineeId, body.Result, body.Value, body.Entry));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("result_already_recorded", (string?)(await Json.ProblemAsync(again))["code"]);
    }

    [Theory]
    [InlineData("no-such-evaluation", """{"traineeId":"t001","result":"groupWin"}""", 404, "evaluation_not_found")]
    [InlineData("group-battle", """{"traineeId":"nobody","result":"groupWin"}""", 400, "unknown_trainee")]
    [InlineData("group-battle", """{"result":"groupWin"}""", 400, "unknown_trainee")]
    [InlineData("group-battle", """{"traineeId":"t001","result":"songFirst"}""", 400, "unknown_result")]
    [InlineData("group-battle", """{"traineeId":"t001","result":"groupWin","value":100000}""", 400, "result_value_mismatch")]
    [InlineData("group-battle", """{"traineeId":"t001","result":"groupWin","segment":"korea"}""", 400, "bad_request")]
    [InlineData("group-battle", """{"traineeId":"t001","result":"groupWin""", 400, "bad_request")]
    public async Task Award_outside_the_evaluation_definition_is_refused_and_not_logged(string evaluation, string body, int status, string code)
    {
        await EnsureLogSeasonAsync();
        long before = Fixture.App.Services.GetRequiredService<VotingHost>().Pipeline!.LogSize;

        using var response = await As(Role.Producer).PostAsync($"/api/evaluations/{evaluation}/results", Json.Content(body), TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (string?)(await Json.ProblemAsync(response))["code"]);
        Assert.Equal(before, Fixture.App.Services.GetRequiredService<VotingHost>().Pipeline!.LogSize);
    }

    [Fact]
    public async Task Grading_a_mission_is_an_evaluation_kind_mismatch()
    {
        await EnsureLogSeasonAsync();

        using var response = await As(Role.Mentor).PostAsJsonAsync("/api/evaluations/group-battle/grades", new { traineeId = "t001", grade = "A" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("evaluation_kind_mismatch", (string?)(await Json.ProblemAsync(response))["code"]);
    }

    [Fact]
    public async Task Preview_ranks_every_trainee_with_names_and_breakdown()
    {
        var ct = TestContext.Current.CancellationToken;
        await EnsureLogSeasonAsync();

        var preview = (await As(Role.Producer).GetFromJsonAsync<AnnouncementPreview>("/api/announcements/ranking-1/preview", ct))!;

        Assert.Equal(("ranking-1", 60), (preview.AnnouncementId, preview.CutLine));
        Assert.Equal(101, preview.Rows.Count);
        Assert.Equal(Enumerable.Range(1, 101), preview.Rows.Select(row => row.Rank));
        Assert.All(preview.Rows, row => Assert.Equal(["online", "benefits"], row.Breakdown.Select(column => column.Label)));
        Assert.All(preview.Rows, row => Assert.False(string.IsNullOrEmpty(row.NameKo) || string.IsNullOrEmpty(row.NameEn)));
        Assert.Equal(60, preview.Rows.Count(row => row.Status == "survived"));
        Assert.Matches("^[0-9a-f]{64}$", preview.Fingerprint!);
    }

    [Fact]
    public async Task Announcement_drawing_on_an_unpublished_one_cannot_be_previewed_or_published()
    {
        var ct = TestContext.Current.CancellationToken;
        await EnsureLogSeasonAsync();

        var preview = (await As(Role.Producer).GetFromJsonAsync<AnnouncementPreview>("/api/announcements/ranking-2/preview", ct))!;
        using var publish = await As(Role.Producer).PostAsJsonAsync("/api/announcements/ranking-2/publish", new { acknowledgeWarnings = true }, ct);

        Assert.False(preview.CanPublish);
        Assert.Empty(preview.Rows);
        Assert.Contains(preview.Checks, check => check is { Code: "earlier-announcement-missing", Blocking: true });
        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Equal("announcement_not_ready", (string?)(await Json.ProblemAsync(publish))["code"]);
    }

    [Theory]
    [InlineData("/api/announcements/ranking-2", 404, "announcement_not_published")]
    [InlineData("/api/announcements/no-such-announcement", 404, "announcement_not_found")]
    public async Task Unpublished_or_unknown_announcement_is_not_found_for_everyone(string path, int status, string code)
    {
        await EnsureLogSeasonAsync();

        foreach (var role in Enum.GetValues<Role>())
        {
            using var response = await As(role).GetAsync(path, TestContext.Current.CancellationToken);

            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(code, (string?)(await Json.ProblemAsync(response))["code"]);
        }
    }

    /// <summary>Makes sure the shared log defines a season (loading one does it when none is loaded yet).</summary>
    internal async Task EnsureLogSeasonAsync()
    {
        if (Fixture.App.Services.GetRequiredService<VotingHost>().Pipeline is null)
        {
            using var loaded = await As(Role.Producer).PostAsync("/api/seasons", Json.Content(Json.NewSeason(out _)), TestContext.Current.CancellationToken);
            loaded.EnsureSuccessStatusCode();
        }

        var season = Fixture.App.Services.GetRequiredService<VotingHost>().Pipeline!.Season.Season;
        Assert.True(season.Evaluations.Any(e => e.Id == "group-battle") && season.Announcements.Any(a => a.Id == "ranking-2"),
            $"These tests expect the shared log to define a Produce X 101 season (Json.NewSeason's default), not '{season.Id}'.");
    }
}
