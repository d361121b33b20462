using System.Text.RegularExpressions;
using KPops.Format.Model;

namespace KPops.Server.Tests;

/// <summary>A trainee page's fancam links as the server renders them (Boys Planet lists fancams for some trainees).</summary>
public sealed partial class WebTraineeFancamTests(WebSiteFixture site) : IClassFixture<WebSiteFixture>
{
    [GeneratedRegex("<a href=\"([^\"]+)\" target=\"_blank\" rel=\"noopener noreferrer\" data-fancam=\"\\d+\">([^<]*)<span class=\"visually-hidden\"> ([^<]+)</span>")]
    private static partial Regex FancamLink();

    private Trainee WithFancams => site.Demo.Season.Trainees.First(t => t.Fancams is { Count: > 1 } fancams && fancams.Any(f => f.Title is null));

    private Trainee WithoutFancams => site.Demo.Season.Trainees.First(t => t.Fancams is null);

    [Fact]
    public async Task Trainee_page_links_each_fancam_in_a_new_tab_with_its_English_title()
    {
        using var client = site.Browser("en");
        Trainee trainee = WithFancams;

        string html = await WebPage.GetAsync(client, "/trainees/" + trainee.Id);

        var links = FancamLink().Matches(html);
        Assert.Equal(trainee.Fancams!.Select(f => f.Url), links.Select(l => l.Groups[1].Value));
        Assert.Equal(
            trainee.Fancams!.Select((f, i) => f.Title?.En ?? $"Fancam {i + 1}"),
            links.Select(l => l.Groups[2].Value));
        Assert.All(links, link => Assert.Equal("(opens in a new tab)", link.Groups[3].Value));
        Assert.Contains("youtube.com", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No fancams are listed", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trainee_page_names_fancams_in_Korean_for_Korean_readers()
    {
        using var client = site.Browser("ko");
        Trainee trainee = WithFancams;

        string html = await WebPage.GetAsync(client, "/trainees/" + trainee.Id);

        var links = FancamLink().Matches(html);
        Assert.Equal(
            trainee.Fancams!.Select((f, i) => f.Title?.Ko ?? $"직캠 {i + 1}"),
            links.Select(l => l.Groups[2].Value));
        Assert.All(links, link => Assert.Equal("(새 탭에서 열림)", link.Groups[3].Value));
    }

    [Theory]
    [InlineData("en", "No fancams are listed for this trainee.")]
    [InlineData("ko", "이 연습생의 등록된 직캠이 없습니다.")]
    public async Task A_trainee_without_fancams_says_so(string language, string none)
    {
        using var client = site.Browser(language);

        string html = await WebPage.GetAsync(client, "/trainees/" + WithoutFancams.Id);

        Assert.Contains(none, html, StringComparison.Ordinal);
        Assert.Empty(FancamLink().Matches(html));
    }
}
