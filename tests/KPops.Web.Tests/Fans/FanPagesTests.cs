using KPops.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KPops.Web.Tests.Fans;

/// <summary>The public pages render in Korean and in English, on a desktop and on a phone, with Hangul drawn.</summary>
public sealed class FanPagesTests(ChromiumBrowser chromium, FanWebServer server) : IClassFixture<FanWebServer>
{
    public static TheoryData<string, string> LanguagesAndScreens()
    {
        var data = new TheoryData<string, string>();
        foreach (string locale in new[] { "ko-KR", "en-US" })
        {
            foreach (var viewport in Viewport.DesktopAndPhone)
            {
                data.Add(locale, viewport.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LanguagesAndScreens))]
    public async Task Home_and_trainee_pages_render_in_the_browsers_language(string locale, string screen)
    {
        var viewport = Viewport.DesktopAndPhone.Single(v => v.Name == screen);
        bool korean = locale.StartsWith("ko", StringComparison.Ordinal);
        var page = await chromium.NewPageAsync(server, viewport, locale, "America/New_York");
        try
        {
            await page.GotoAsync("/");
            Assert.Equal(korean ? "ko" : "en", await page.GetAttributeAsync("html", "lang"));
            await Assertions.Expect(page.Locator("h2#current-round")).ToHaveTextAsync(korean ? server.Season.Rounds[0].Name.Ko : server.Season.Rounds[0].Name.En);
            await Assertions.Expect(page.Locator("section[aria-labelledby='current-round'] strong")).ToHaveTextAsync(korean ? "투표 진행 중" : "Voting is open");
            // site.js rewrote the viewer's clock into the browser's zone and keeps the countdown ticking.
            await Assertions.Expect(page.Locator("time[data-local]").First).ToContainTextAsync("America/New_York");
            string first = await page.Locator(".countdown").First.InnerTextAsync();
            await Assertions.Expect(page.Locator(".countdown").First).Not.ToHaveTextAsync(first, new() { Timeout = 5000 });
            await Screenshots.SaveAsync(page, $"fan-home-{(korean ? "ko" : "en")}", viewport);

            await page.GotoAsync("/trainees");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(korean ? "연습생" : "Trainees");
            await Assertions.Expect(page.Locator(".trainee-card")).ToHaveCountAsync(server.Season.Trainees.Count);
            Assert.True(await HangulHasGlyphsAsync(page), "Hangul should be drawn with a Korean font, not empty boxes");
            await Screenshots.SaveAsync(page, $"fan-trainees-{(korean ? "ko" : "en")}", viewport);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Search_and_filters_work_with_JavaScript_off()
    {
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), JavaScriptEnabled = false, Locale = "ko-KR" });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/trainees");
            await page.GetByLabel("이름 검색 (한글 또는 로마자)").FillAsync(server.Season.Trainees[0].Hangul);
            await page.GetByRole(AriaRole.Button, new() { Name = "찾기" }).ClickAsync();
            await Assertions.Expect(page.Locator(".trainee-card")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".trainee-card")).ToContainTextAsync(server.Season.Trainees[0].Romanized!);

            await page.GotoAsync("/trainees");
            await page.GetByLabel("그룹").SelectOptionAsync("g");
            await page.GetByRole(AriaRole.Button, new() { Name = "찾기" }).ClickAsync();
            Assert.Contains("group=g", page.Url, StringComparison.Ordinal);
            await Assertions.Expect(page.Locator(".trainee-card")).ToHaveCountAsync(server.Group("g").Count());
            await Screenshots.SaveAsync(page, "fan-trainees-filtered-no-js", Viewport.Desktop);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_language_switch_is_a_link_that_sticks()
    {
        var page = await chromium.NewPageAsync(server, Viewport.Phone, "ko-KR");
        try
        {
            await page.GotoAsync("/trainees");
            await page.GetByRole(AriaRole.Link, new() { Name = "언어: English" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Trainees");
            await page.GotoAsync("/");
            Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_fan_pages_are_usable_with_the_keyboard_alone()
    {
        var page = await chromium.NewPageAsync(server, Viewport.Desktop, "en-US");
        try
        {
            await page.GotoAsync("/");
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to content");
            await page.Keyboard.PressAsync("Enter");
            await page.GotoAsync("/trainees");
            var search = page.Locator("#q");
            await search.FocusAsync();
            await search.PressSequentiallyAsync("hanbin");
            await search.PressAsync("Enter");
            await page.WaitForURLAsync(url => url.Contains("q=hanbin", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator(".trainee-card").First).ToBeVisibleAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Whether a Korean font draws Hangul here: "한" must be wider than the empty box of a missing glyph ("\uFFFF").</summary>
    private static Task<bool> HangulHasGlyphsAsync(IPage page) => page.EvaluateAsync<bool>("""
        () => {
          const context = document.createElement('canvas').getContext('2d');
          context.font = '32px ' + getComputedStyle(document.body).fontFamily;
          const hangul = context.measureText('한글').width;
          const missing = context.measureText('\uFFFF\uFFFF').width;
          return document.fonts.check('16px NanumGothic') || Math.abs(hangul - missing) > 0.5;
        }
        """);
}
