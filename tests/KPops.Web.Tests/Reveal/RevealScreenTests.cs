using KPops.Server.Web.Reveal;
using KPops.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KPops.Web.Tests.Reveal;

/// <summary>The broadcast reveal screen on a 1080p browser, stepped from the server's reveal state.</summary>
public sealed class RevealScreenTests(ChromiumBrowser chromium, KPopsWebServer server) : IClassFixture<KPopsWebServer>, IAsyncLifetime
{
    private const string Round = "online-1";
    private const string Announcement = "ranking-1";
    private const string Unpublished = "ranking-2";

    // Two trainees with votes, so the top of the ranking is known: t002 first, t001 second.
    public async ValueTask InitializeAsync()
    {
        if (await server.Voting.Pipeline!.ReadAsync(state => state.Published.ContainsKey(Announcement)))
        {
            return;
        }

        await server.OpenRoundNowAsync(Round);
        await server.CastAsync(Round, "fan-a", ["t002", "t001"]);
        await server.CastAsync(Round, "fan-b", ["t002"]);
        await ProducerApi.CloseAndPublishAsync(server, Round, Announcement);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Unpublished_announcement_shows_nothing()
    {
        var page = await chromium.NewPageAsync(server, Viewport.FullHd);
        try
        {
            await ConsolePages.OpenInteractiveAsync(page, $"/reveal/{Unpublished}");
            server.Services.GetRequiredService<RevealDirector>().Step(Unpublished, 1, seatCount: 30);

            await Expect(page.Locator(".reveal-stage")).ToHaveAttributeAsync("data-state", "unavailable");
            Assert.Equal(0, await page.Locator(".seat, .spot-card, .reveal-title").CountAsync());
            Assert.DoesNotContain("t00", await page.ContentAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Reveal_screen_follows_each_step_from_first_seat_down_on_a_green_background()
    {
        var director = server.Services.GetRequiredService<RevealDirector>();
        director.Reset(Announcement, RevealOrder.FirstSeatFirst);
        var page = await chromium.NewPageAsync(server, Viewport.FullHd);
        try
        {
            await ConsolePages.OpenInteractiveAsync(page, $"/reveal/{Announcement}?background=green");
            var stage = page.Locator(".reveal-stage");
            await Expect(stage).ToHaveAttributeAsync("data-revealed", "0");
            Assert.Equal("rgb(0, 177, 64)", await stage.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));

            director.Step(Announcement, 1, seatCount: 60);
            await Expect(page.Locator(".spot-card")).ToHaveAttributeAsync("data-trainee", "t002");
            director.Step(Announcement, 1, seatCount: 60);
            await Expect(page.Locator(".spot-card")).ToHaveAttributeAsync("data-trainee", "t001");
            await Expect(stage).ToHaveAttributeAsync("data-revealed", "2");
            await Expect(page.Locator(".seat.revealed")).ToHaveCountAsync(2);
            await Screenshots.SaveAsync(page, "reveal-green", Viewport.FullHd);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
