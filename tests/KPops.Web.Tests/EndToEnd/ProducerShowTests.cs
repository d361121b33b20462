using KPops.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KPops.Web.Tests.EndToEnd;

/// <summary>
/// A producer runs a round of the show from the console in a real browser: opens it, watches the live count move as
/// ballots arrive, closes it, previews and publishes the ranking, and steps the broadcast reveal, which a second
/// browser (the studio screen) follows; the fans' rankings then show the result.
/// </summary>
public sealed class ProducerShowTests(ChromiumBrowser chromium, KPopsWebServer server) : IClassFixture<KPopsWebServer>
{
    private const string Round = "online-1";
    private const string RoundName = "1st online vote";
    private const string Announcement = "ranking-1";

    [Fact]
    public async Task Producer_opens_a_round_watches_the_count_publishes_and_reveals_the_ranking()
    {
        var console = await chromium.NewPageAsync(server, Viewport.Desktop, locale: "en-US", timeZone: "Asia/Seoul");
        var studio = await chromium.NewPageAsync(server, Viewport.FullHd);
        var fan = await chromium.NewPageAsync(server, Viewport.Phone, locale: "ko-KR", timeZone: "Asia/Seoul");
        try
        {
            // Open the round (its 2019 schedule is over, so it is extended too: the reason goes into the log).
            await ConsolePages.SignInAsync(console, server.Producer, "/console/rounds");
            await ConsolePages.WaitForCircuitAsync(console);
            await console.GetByRole(AriaRole.Button, new() { Name = $"Open now: {RoundName}" }).ClickAsync();
            await Expect(console.GetByRole(AriaRole.Status)).ToContainTextAsync("RoundOpened");
            await console.Locator($"#minutes-{Round}").FillAsync("60");
            await console.Locator($"#reason-{Round}").FillAsync("Browser test: voting reopened for the studio rehearsal");
            await console.GetByRole(AriaRole.Button, new() { Name = $"Extend: {RoundName}" }).ClickAsync();
            await Expect(console.GetByRole(AriaRole.Status)).ToContainTextAsync("RoundExtended");
            await Expect(console.Locator($"tr[data-round={Round}] td.open")).ToBeVisibleAsync();

            // The live count moves as ballots arrive, once a second, marked embargoed.
            await ConsolePages.OpenInteractiveAsync(console, $"/console/live?round={Round}");
            var counted = console.Locator("#ballots-counted");
            await Expect(counted).ToHaveAttributeAsync("data-ballots", "0");
            await Expect(console.Locator(".embargo-banner")).ToContainTextAsync("EMBARGOED");
            await CastAsync(0, 3, ["t005", "t003"]);
            await Expect(counted).ToHaveAttributeAsync("data-ballots", "3");
            await CastAsync(3, 4, ["t005"]);
            await Expect(counted).ToHaveAttributeAsync("data-ballots", "7");
            await Expect(console.Locator(".bar-row").First).ToHaveAttributeAsync("data-trainee", "t005");
            await Expect(console.Locator(".bar-row[data-trainee=t005]")).ToHaveAttributeAsync("data-votes", "7");
            await Screenshots.SaveAsync(console, "console-live-count", Viewport.Desktop);
            await console.SetViewportSizeAsync(Viewport.Phone.Width, Viewport.Phone.Height);
            await Screenshots.SaveAsync(console, "console-live-count", Viewport.Phone);
            await console.SetViewportSizeAsync(Viewport.Desktop.Width, Viewport.Desktop.Height);

            // Close the round, preview (checks and forensics) and publish.
            await ConsolePages.OpenInteractiveAsync(console, "/console/rounds");
            await console.GetByRole(AriaRole.Button, new() { Name = $"Close now: {RoundName}" }).ClickAsync();
            await Expect(console.GetByRole(AriaRole.Status)).ToContainTextAsync("RoundClosed");
            await ConsolePages.OpenInteractiveAsync(console, "/console/announcements");
            await console.GetByRole(AriaRole.Button, new() { Name = "Preview: 1st elimination" }).ClickAsync();
            var preview = console.Locator("section.preview");
            await Expect(preview.Locator("tr[data-trainee=t005] td").First).ToHaveTextAsync("1");
            await Screenshots.SaveAsync(console, "console-announcement-preview", Viewport.Desktop);
            var acknowledge = console.GetByLabel("I have read the forensics warnings and publish anyway");
            if (await acknowledge.CountAsync() > 0)
            {
                await acknowledge.CheckAsync();
            }

            await console.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
            await Expect(console.GetByRole(AriaRole.Status)).ToContainTextAsync("Published as log entry #");
            await Expect(console.Locator($"li[data-announcement={Announcement}] .tag.published")).ToBeVisibleAsync();

            // The studio screen waits on the published ranking; the console steps it seat by seat, last seat first.
            await ConsolePages.OpenInteractiveAsync(studio, $"/reveal/{Announcement}");
            await Expect(studio.Locator(".reveal-stage")).ToHaveAttributeAsync("data-state", "ready");
            await ConsolePages.OpenInteractiveAsync(console, $"/console/reveal?announcement={Announcement}");
            await console.GetByRole(AriaRole.Button, new() { Name = "Start over — Last seat first" }).ClickAsync();
            await Expect(console.Locator("#reveal-progress")).ToHaveAttributeAsync("data-revealed", "0");
            await console.GetByRole(AriaRole.Button, new() { Name = "Reveal next seat" }).ClickAsync();
            await Expect(studio.Locator(".spot-card .rank-number")).ToHaveTextAsync("60");
            await console.GetByRole(AriaRole.Button, new() { Name = "Reveal all" }).ClickAsync();
            await Expect(studio.Locator(".spot-card")).ToHaveAttributeAsync("data-trainee", "t005");
            await Expect(studio.Locator(".spot-card .rank-number")).ToHaveTextAsync("1");
            await Expect(studio.Locator(".seat.revealed")).ToHaveCountAsync(60);
            await Screenshots.SaveAsync(studio, "reveal-ranking", Viewport.FullHd);
            await Screenshots.SaveAsync(console, "console-reveal-control", Viewport.Desktop);

            // Fans see the published ranking too: the pyramid page, on a phone.
            await fan.GotoAsync($"/pyramid/{Announcement}");
            await Expect(fan.Locator(".pyramid .seat[data-rank='1']")).ToHaveAttributeAsync("data-trainee", "t005");
            await Screenshots.SaveAsync(fan, "fan-pyramid-after-publish", Viewport.Phone);
        }
        finally
        {
            await console.Context.CloseAsync();
            await studio.Context.CloseAsync();
            await fan.Context.CloseAsync();
        }
    }

    private async Task CastAsync(int firstFan, int fans, string[] picks)
    {
        for (int fan = firstFan; fan < firstFan + fans; fan++)
        {
            var outcome = await server.CastAsync(Round, $"e2e-fan-{fan}", picks);
            Assert.True(outcome.IsInLog, $"ballot refused: {outcome.Reason}");
        }
    }
}
