using System.Net;
using KPops.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KPops.Web.Tests.Console;

/// <summary>Who may use which part of the console, in a real browser: sign-in, roles, languages.</summary>
public sealed class ConsoleAccessTests(ChromiumBrowser chromium, KPopsWebServer server) : IClassFixture<KPopsWebServer>
{
    [Fact]
    public async Task Anonymous_visitor_to_the_live_count_is_sent_to_the_sign_in_page()
    {
        var page = await chromium.NewPageAsync(server, Viewport.Desktop);
        try
        {
            await page.GotoAsync("/console/live");

            Assert.Equal("/console/signin", new Uri(page.Url).AbsolutePath);
            await Expect(page.Locator("#email")).ToBeVisibleAsync();
            Assert.DoesNotContain("EMBARGOED", await page.ContentAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Wrong_password_is_refused_on_the_sign_in_page()
    {
        var page = await chromium.NewPageAsync(server, Viewport.Desktop);
        try
        {
            await ConsolePages.SignInAsync(page, server.Producer with { Password = "not-the-password" }, "/console/signin");

            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong e-mail or password.");
            await Expect(page.Locator("#email")).ToHaveValueAsync(server.Producer.Email);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Producer_signs_in_and_sees_every_producer_section_in_English()
    {
        var page = await chromium.NewPageAsync(server, Viewport.Desktop, locale: "en-US");
        try
        {
            await ConsolePages.SignInAsync(page, server.Producer);

            var nav = page.Locator(".console-header nav");
            foreach (string section in new[] { "Season", "Rounds", "Live count", "Announcements", "Benefits", "Reveal", "Integrity" })
            {
                await Expect(nav.GetByRole(AriaRole.Link, new() { Name = section, Exact = true })).ToBeVisibleAsync();
            }

            await Expect(page.Locator("h1")).ToHaveTextAsync("Overview");
            await Screenshots.SaveAsync(page, "console-overview-en", Viewport.Desktop);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Console_renders_in_Korean_for_a_Korean_browser(string viewportName)
    {
        var viewport = Viewport.DesktopAndPhone.Single(v => v.Name == viewportName);
        var page = await chromium.NewPageAsync(server, viewport, locale: "ko-KR", timeZone: "Asia/Seoul");
        try
        {
            await page.GotoAsync("/console/signin");
            await Expect(page.Locator("h1")).ToHaveTextAsync("스태프 로그인");
            await Screenshots.SaveAsync(page, "console-sign-in-ko", viewport);

            await ConsolePages.SignInAsync(page, server.Producer, "/console/rounds");
            await ConsolePages.WaitForCircuitAsync(page);

            await Expect(page.Locator("h1")).ToHaveTextAsync("라운드 관리");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "지금 열기: 1차 온라인 투표" })).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "console-rounds-ko", viewport);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Mentor_sees_only_grading_and_is_turned_away_from_the_live_count()
    {
        var page = await chromium.NewPageAsync(server, Viewport.Desktop, locale: "en-US");
        try
        {
            await ConsolePages.SignInAsync(page, server.Mentor);

            var links = await page.Locator(".console-header nav a").AllTextContentsAsync();
            Assert.Equal(["Grading"], links);

            var live = await page.GotoAsync("/console/live");
            Assert.Equal("/console/denied", new Uri(page.Url).AbsolutePath);
            Assert.Equal((int)HttpStatusCode.OK, live!.Status);
            Assert.DoesNotContain("EMBARGOED", await page.ContentAsync(), StringComparison.Ordinal);

            await ConsolePages.OpenInteractiveAsync(page, "/console/grading");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Mentor grading");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    public static TheoryData<string> Viewports() => new(Viewport.DesktopAndPhone.Select(v => v.Name));
}
