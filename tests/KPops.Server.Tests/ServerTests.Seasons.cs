using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KPops.Format;
using KPops.Server.Seasons;
using KPops.Server.Tests.Infrastructure;

namespace KPops.Server.Tests;

public abstract partial class ServerTests<TFixture>
{
    [Fact]
    public async Task Producer_loads_a_season_that_anyone_can_then_read_in_canonical_form()
    {
        var ct = TestContext.Current.CancellationToken;
        string json = Json.NewSeason(out string id);

        using var created = await As(Role.Producer).PostAsync("/api/seasons", Json.Content(json), ct);
        using var read = await As(Role.Anonymous).GetAsync($"/api/seasons/{id}", ct);
        var list = await As(Role.Fan).GetFromJsonAsync<SeasonSummary[]>("/api/seasons", ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/seasons/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        string served = await read.Content.ReadAsStringAsync(ct);
        Assert.Equal(SeasonFile.Serialize(SeasonFile.Parse(json).Season!), served);
        Assert.Contains(list!, season => season.Id == id && season.NameEn == "Produce X 101");
    }

    [Fact]
    public async Task Invalid_season_is_refused_with_every_error_as_path_and_message()
    {
        var season = JsonNode.Parse(Json.NewSeason(out _))!.AsObject();
        season["rounds"]![0]!["ballot"]!["maxPicks"] = -1;
        season["timeZone"] = "Mars/Olympus_Mons";

        using var response = await As(Role.Producer).PostAsync("/api/seasons", Json.Content(season.ToJsonString()), TestContext.Current.CancellationToken);

        var problem = await Json.ProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("season_invalid", (string?)problem["code"]);
        var errors = problem["errors"]!.AsArray().Select(e => (string)e!).ToArray();
        Assert.Contains(errors, e => e.StartsWith("rounds[0].ballot.maxPicks: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("timeZone: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Season_with_an_id_already_loaded_is_a_conflict()
    {
        var ct = TestContext.Current.CancellationToken;
        string json = Json.NewSeason(out _);
        using var first = await As(Role.Producer).PostAsync("/api/seasons", Json.Content(json), ct);

        using var second = await As(Role.Producer).PostAsync("/api/seasons", Json.Content(json), ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("season_exists", (string?)(await Json.ProblemAsync(second))["code"]);
    }

    [Fact]
    public async Task Unknown_season_is_a_season_not_found_problem()
    {
        using var response = await As(Role.Anonymous).GetAsync("/api/seasons/no-such-season", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("season_not_found", (string?)(await Json.ProblemAsync(response))["code"]);
    }
}
