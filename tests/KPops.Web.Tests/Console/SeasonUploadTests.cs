using System.Text;
using System.Text.Json.Nodes;
using KPops.Format;
using KPops.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KPops.Web.Tests.Console;

public sealed class SeasonUploadTests(ChromiumBrowser chromium, KPopsWebServer server) : IClassFixture<KPopsWebServer>
{
    [Fact]
    public async Task Invalid_season_file_is_refused_with_each_error_and_its_path_under_the_upload_field()
    {
        var season = JsonNode.Parse(SeasonFile.Serialize(Presets.Load("boys-planet")))!;
        season["id"] = "broken-season";
        season["rounds"]![0]!["ballot"]!["maxPicks"] = 0;
        var page = await chromium.NewPageAsync(server, Viewport.Desktop, locale: "en-US");
        try
        {
            await ConsolePages.SignInAsync(page, server.Producer, "/console/season");
            await ConsolePages.WaitForCircuitAsync(page);

            await page.Locator("#season-file").SetInputFilesAsync(new FilePayload
            {
                Name = "broken-season.json",
                MimeType = "application/json",
                Buffer = Encoding.UTF8.GetBytes(season.ToJsonString()),
            });

            var errors = page.Locator("#season-result table.errors tbody tr");
            await Expect(errors.First).ToBeVisibleAsync();
            await Expect(page.Locator("#season-result [role=status]")).ToContainTextAsync("nothing was loaded");
            Assert.Contains("rounds[0].ballot.maxPicks", await errors.Locator("code").AllTextContentsAsync());
            Assert.DoesNotContain("broken-season", await page.Locator("#loaded-heading + ul").TextContentAsync(), StringComparison.Ordinal);
            await Screenshots.SaveAsync(page, "console-season-errors", Viewport.Desktop);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
