using KPops.Server.Web.Localization;

namespace KPops.Server.Tests;

/// <summary>A trainee's nationality is named in the page's language, whichever language the server answered first.</summary>
public sealed class WebTraineeNationalityTests(WebSiteFixture site) : IClassFixture<WebSiteFixture>
{
    [Fact]
    public async Task Nationality_follows_the_page_language_request_after_request()
    {
        string korean = site.Demo.Season.Trainees.First(t => t.Nationality == "KR").Id;
        string chinese = site.Demo.Season.Trainees.First(t => t.Nationality == "CN").Id;
        using var ko = site.Browser("ko");
        using var en = site.Browser("en");

        // Alternating languages: a name cached from an earlier request must not leak into the other language.
        Assert.Contains("<dd>대한민국</dd>", await WebPage.GetAsync(ko, "/trainees/" + korean), StringComparison.Ordinal);
        Assert.Contains("<dd>South Korea</dd>", await WebPage.GetAsync(en, "/trainees/" + korean), StringComparison.Ordinal);
        Assert.Contains("<dd>China</dd>", await WebPage.GetAsync(en, "/trainees/" + chinese), StringComparison.Ordinal);
        Assert.Contains("<dd>중국</dd>", await WebPage.GetAsync(ko, "/trainees/" + chinese), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JP", "ko", "일본")]
    [InlineData("JP", "en", "Japan")]
    [InlineData("BJ", "ko", "Benin")]
    [InlineData("XQ", "en", "XQ")]
    public void Country_names_come_from_the_table_then_English_then_the_code(string code, string language, string expected) =>
        Assert.Equal(expected, CountryNames.Of(code, language));
}
