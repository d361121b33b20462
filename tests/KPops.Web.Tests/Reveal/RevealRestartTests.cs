using KPops.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KPops.Web.Tests.Reveal;

/// <summary>
/// A server restarted in the middle of a broadcast (a deploy, a crash) resumes the reveal at the seat the producers
/// had reached: the console and a freshly opened studio screen both continue from there.
/// </summary>
public sealed class RevealRestartTests(ChromiumBrowser chromium, KPopsWebServer server) : IClassFixture<KPopsWebServer>
{
    private const string Round = "online-1";
    private const string Announcement = "ranking-1";

    [Fact]
    public async Task Reveal_resumes_at_the_same_seat_after_a_server_restart()
    {
        // Two trainees with votes, so the top of the ranking is known: t002 first, t001 second.
        await server.OpenRoundNowAsync(Round);
        await server.CastAsync(Round, "fan-a", ["t002", "t001"]);
        await server.CastAsync(Round, "fan-b", ["t002"]);
        await ProducerApi.CloseAndPublishAsync(server, Round, Announcement);

        var console = await chromium.NewPageAsync(server, Viewport.Desktop);
        try
        {
            await ConsolePages.SignInAsync(console, server.Producer, "/console/reveal");
            await ConsolePages.OpenInteractiveAsync(console, $"/console/reveal?announcement={Announcement}");
            await console.GetByRole(AriaRole.Button, new() { Name = "Start over — First seat first" }).ClickAsync();
            await Expect(console.Locator("#reveal-progress")).ToHaveAttributeAsync("data-revealed", "0");
            var next = console.GetByRole(AriaRole.Button, new() { Name = "Reveal next seat" });
            await next.ClickAsync();
            await Expect(console.Locator("#reveal-progress")).ToHaveAttributeAsync("data-revealed", "1");
            await next.ClickAsync();
            await Expect(console.Locator("#reveal-progress")).ToHaveAttributeAsync("data-revealed", "2");
        }
        finally
        {
            await console.Context.CloseAsync();
        }

        await server.RestartAsync();

        var studio = await chromium.NewPageAsync(server, Viewport.FullHd);
        console = await chromium.NewPageAsync(server, Viewport.Desktop);
        try
        {
            await ConsolePages.OpenInteractiveAsync(studio, $"/reveal/{Announcement}");
            var stage = studio.Locator(".reveal-stage");
            await Expect(stage).ToHaveAttributeAsync("data-revealed", "2");
            await Expect(studio.Locator(".spot-card")).ToHaveAttributeAsync("data-trainee", "t001");
            await Expect(studio.Locator(".spot-card .rank-number")).ToHaveTextAsync("2");
            await Screenshots.SaveAsync(studio, "reveal-after-restart", Viewport.FullHd);

            // The console picks up where it was, in the same order: the next seat is 3rd.
            await ConsolePages.SignInAsync(console, server.Producer, "/console/reveal");
            await ConsolePages.OpenInteractiveAsync(console, $"/console/reveal?announcement={Announcement}");
            await Expect(console.Locator("#reveal-progress")).ToHaveAttributeAsync("data-revealed", "2");
            await console.GetByRole(AriaRole.Button, new() { Name = "Reveal next seat" }).ClickAsync();
            await Expect(stage).ToHaveAttributeAsync("data-revealed", "3");
            await Expect(studio.Locator(".spot-card .rank-number")).ToHaveTextAsync("3");
        }
        finally
        {
            await studio.Context.CloseAsync();
            await console.Context.CloseAsync();
        }
    }
}
