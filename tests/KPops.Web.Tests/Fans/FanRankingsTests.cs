using System.Net.Http.Headers;
using System.Net.Http.Json;
using KPops.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KPops.Web.Tests.Fans;

/// <summary>After an announcement is published, fans see the pyramid of seats and each trainee's rank history.</summary>
public sealed class FanRankingsTests(ChromiumBrowser chromium, FanWebServer server) : IClassFixture<FanWebServer>
{
    private const string Announcement = "ranking-1";

    [Fact]
    public async Task The_published_ranking_is_drawn_as_a_pyramid_and_in_the_trainees_history()
    {
        var favourite = server.FirstOf("k");
        await VoteThroughApiAsync(favourite.Id, server.FirstOf("g").Id);
        await VoteThroughApiAsync(favourite.Id, server.Group("g").Skip(1).First().Id);
        await ProducerApi.CloseAndPublishAsync(server, FanWebServer.Round, Announcement);

        foreach (var viewport in Viewport.DesktopAndPhone)
        {
            var page = await chromium.NewPageAsync(server, viewport, "ko-KR");
            try
            {
                await page.GotoAsync("/pyramid");
                var top = page.Locator(".pyramid-row").First.Locator(".seat");
                await Assertions.Expect(top).ToHaveCountAsync(1);
                await Assertions.Expect(top).ToHaveAttributeAsync("data-trainee", favourite.Id);
                await Assertions.Expect(top).ToContainTextAsync("1위");
                await Assertions.Expect(page.Locator(".pyramid-row").Nth(1).Locator(".seat")).ToHaveCountAsync(2);
                await Assertions.Expect(page.Locator(".cut-line")).ToBeVisibleAsync();
                await Screenshots.SaveAsync(page, "fan-rankings-pyramid", viewport);

                await page.GotoAsync($"/trainees/{favourite.Id}");
                await Assertions.Expect(page.Locator("#rank-history + table")).ToContainTextAsync("1위");
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }

    private async Task VoteThroughApiAsync(params string[] picks)
    {
        string email = FanWebServer.NewEmail();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        (await client.PostAsJsonAsync("/api/fans/codes", new { email })).EnsureSuccessStatusCode();
        var verified = await client.PostAsJsonAsync("/api/fans/verify", new { email, code = server.LastCodeFor(email) });
        verified.EnsureSuccessStatusCode();
        var token = await verified.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        (await client.PostAsJsonAsync($"/api/rounds/{FanWebServer.Round}/ballots", new { picks, nonce = 1 })).EnsureSuccessStatusCode();
    }
}
