using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KPops.Format.Model;

namespace KPops.Server.Tests;

/// <summary>The fan pages as the server renders them (JavaScript off): content, filters, languages, status codes.</summary>
public sealed partial class WebFanPagesTests(WebSiteFixture site) : IClassFixture<WebSiteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Season Season => site.Demo.Season;

    [GeneratedRegex("<li class=\"trainee-card\" data-trainee=\"([^\"]+)\"")]
    private static partial Regex TraineeCard();

    private static List<string> Cards(string html) => TraineeCard().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task Home_page_shows_the_open_round_with_its_countdown_rule_and_both_clocks()
    {
        using var client = site.Browser("ko");
        string html = await WebPage.GetAsync(client, "/");
        Round first = Season.Rounds[0];
        Assert.Contains(first.Name.Ko, html, StringComparison.Ordinal);
        Assert.Contains("투표 진행 중", html, StringComparison.Ordinal);
        Assert.Contains("data-countdown=", html, StringComparison.Ordinal);
        Assert.Contains("한국 시간 (KST)", html, StringComparison.Ordinal);
        Assert.Contains("data-local", html, StringComparison.Ordinal);
        Assert.Contains("K 그룹에서 1명 이상", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/vote/{first.Id}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_page_in_English_names_the_round_and_rule_in_English()
    {
        using var client = site.Browser("en");
        string html = await WebPage.GetAsync(client, "/");
        Assert.Contains(Season.Rounds[0].Name.En, html, StringComparison.Ordinal);
        Assert.Contains("Voting is open", html, StringComparison.Ordinal);
        Assert.Contains("At least 1 from K group", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trainee_grid_lists_every_trainee_with_an_avatar()
    {
        using var client = site.Browser();
        string html = await WebPage.GetAsync(client, "/trainees");
        Assert.Equal(Season.Trainees.Select(t => t.Id), Cards(html));
        Assert.Contains("<svg class=\"avatar", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("성한빈")]
    [InlineData("sunghanbin")]
    [InlineData("SUNG HANBIN")]
    [InlineData("sung-hanbin")]
    public async Task Search_finds_a_trainee_by_Hangul_or_romanized_name_without_JavaScript(string query)
    {
        using var client = site.Browser();
        string html = await WebPage.GetAsync(client, "/trainees?q=" + Uri.EscapeDataString(query));
        Assert.Equal(["k01"], Cards(html));
        Assert.Contains($"value=\"{query}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_agency_and_position_filters_narrow_the_grid()
    {
        using var client = site.Browser();
        var global = Cards(await WebPage.GetAsync(client, "/trainees?group=g"));
        Assert.Equal(Season.Trainees.Where(t => t.Group == "g").Select(t => t.Id), global);

        string agency = Season.Trainees[5].Agency!;
        var byAgency = Cards(await WebPage.GetAsync(client, "/trainees?agency=" + Uri.EscapeDataString(agency)));
        Assert.Equal(Season.Trainees.Where(t => t.Agency == agency).Select(t => t.Id), byAgency);

        var rappersInK = Cards(await WebPage.GetAsync(client, "/trainees?group=k&position=rap"));
        Assert.Equal(Season.Trainees.Where(t => t.Group == "k" && t.Positions.Contains("rap")).Select(t => t.Id), rappersInK);
        Assert.NotEmpty(rappersInK);
    }

    [Fact]
    public async Task A_search_that_matches_nobody_says_so()
    {
        using var client = site.Browser("en");
        string html = await WebPage.GetAsync(client, "/trainees?q=zzzzzz");
        Assert.Empty(Cards(html));
        Assert.Contains("No trainee matches.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trainee_page_shows_the_profile_and_a_vote_link_while_the_round_is_open()
    {
        using var client = site.Browser("en");
        Trainee trainee = Season.Trainees[0];
        string html = await WebPage.GetAsync(client, "/trainees/" + trainee.Id);
        Assert.Contains(trainee.Hangul, html, StringComparison.Ordinal);
        Assert.Contains(trainee.Romanized!, html, StringComparison.Ordinal);
        Assert.Contains(trainee.Agency!, html, StringComparison.Ordinal);
        Assert.Contains("Rank history", html, StringComparison.Ordinal);
        Assert.Contains($"/vote/{Season.Rounds[0].Id}?pick={trainee.Id}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_trainee_is_404()
    {
        using var client = site.Browser();
        using var response = await client.GetAsync("/trainees/nobody", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Vote_page_carries_the_rule_and_eligible_trainees_for_its_script()
    {
        using var client = site.Browser("en");
        Round first = Season.Rounds[0];
        string html = await WebPage.GetAsync(client, "/vote/" + first.Id);
        Assert.Contains("type=\"checkbox\" id=\"pick-k01\"", html, StringComparison.Ordinal);
        Assert.Contains("<legend><strong>G group</strong></legend>", html, StringComparison.Ordinal);

        using var data = JsonDocument.Parse(Island(html, "vote-round"));
        var round = data.RootElement;
        Assert.Equal(first.Id, round.GetProperty("roundId").GetString());
        Assert.Equal("open", round.GetProperty("state").GetString());
        Assert.Equal(first.Ballot.MaxPicks, round.GetProperty("maxPicks").GetInt32());
        Assert.Equal("Asia/Seoul", round.GetProperty("timeZone").GetString());
        Assert.Equal(["k", "g"], round.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("group").GetString()));
        Assert.Equal(Season.Trainees.Count, round.GetProperty("trainees").EnumerateObject().Count());
        Assert.Equal("g", round.GetProperty("trainees").GetProperty(Season.Trainees.First(t => t.Group == "g").Id).GetProperty("group").GetString());
    }

    [Fact]
    public async Task An_unknown_round_is_404_on_the_vote_page()
    {
        using var client = site.Browser();
        using var response = await client.GetAsync("/vote/no-such-round", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Rankings_say_nothing_is_announced_before_an_announcement()
    {
        using var client = site.Browser("en");
        string html = await WebPage.GetAsync(client, "/pyramid");
        Assert.Contains("No ranking has been announced yet.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"seat\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sign-in", "sign-in.js")]
    [InlineData("/my-ballots", "my-ballots.js")]
    [InlineData("/vote", "vote.js")]
    public async Task Script_pages_render_their_shell_and_say_they_need_JavaScript(string path, string script)
    {
        using var client = site.Browser("en");
        string html = await WebPage.GetAsync(client, path);
        Assert.Contains($"src=\"/js/{script}\"", html, StringComparison.Ordinal);
        Assert.Contains("<noscript>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/trainees?q=hanbin")]
    [InlineData("/trainees/k01")]
    [InlineData("/vote")]
    [InlineData("/pyramid")]
    [InlineData("/sign-in")]
    [InlineData("/my-ballots")]
    public async Task Every_fan_page_is_cacheable_and_sets_no_cookie(string path)
    {
        using var client = site.Browser();
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Public, path);
        Assert.False(response.Headers.Contains("Set-Cookie"), path);
    }

    private static string Island(string html, string id)
    {
        var match = Regex.Match(html, $"<script type=\"application/json\" id=\"{id}\">(.*?)</script>", RegexOptions.Singleline);
        Assert.True(match.Success, id);
        return match.Groups[1].Value;
    }
}
