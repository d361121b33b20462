using KPops.Format.Model;
using KPops.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KPops.Web.Tests.Fans;

/// <summary>A trainee page's fancam links: named for assistive technology, opened in a new tab that cannot reach back.</summary>
public sealed class FanFancamTests(ChromiumBrowser chromium, FanWebServer server) : IClassFixture<FanWebServer>
{
    private Trainee WithFancams => server.Season.Trainees.First(t => t.Fancams is { Count: > 0 });

    private Trainee WithoutFancams => server.Season.Trainees.First(t => t.Fancams is null);

    public static TheoryData<string> Screens() => [.. Viewport.DesktopAndPhone.Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Fancam_links_open_in_a_new_tab_without_a_handle_on_the_site(string screen)
    {
        var viewport = Viewport.DesktopAndPhone.Single(v => v.Name == screen);
        Trainee trainee = WithFancams;
        Fancam first = trainee.Fancams![0];
        var page = await chromium.NewPageAsync(server, viewport, "en-US");
        try
        {
            // The machine is offline: the video site is stood in for by a page that reports what it was given.
            await page.Context.RouteAsync(new Uri(first.Url).GetLeftPart(UriPartial.Authority) + "/**", route => route.FulfillAsync(new()
            {
                ContentType = "text/html",
                Body = "<title>video</title><script>document.title = JSON.stringify({ opener: window.opener !== null, referrer: document.referrer })</script>",
            }));
            await page.GotoAsync($"/trainees/{trainee.Id}");

            var section = page.Locator("section[aria-labelledby='fancams']");
            var links = section.GetByRole(AriaRole.Link);
            await Expect(links).ToHaveCountAsync(trainee.Fancams.Count);
            var link = section.GetByRole(AriaRole.Link, new() { Name = $"{first.Title!.En} (opens in a new tab)", Exact = true });
            await Expect(link).ToHaveAttributeAsync("href", first.Url);
            await Expect(link).ToHaveAttributeAsync("target", "_blank");
            await Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");
            var box = await link.BoundingBoxAsync();
            Assert.True(box!.Height >= 44, $"a fancam link is a touch target of at least 44 px, not {box.Height}");
            await Screenshots.SaveAsync(page, "fan-trainee-fancams-en", viewport);

            var video = await page.RunAndWaitForPopupAsync(() => link.ClickAsync());
            await Expect(video).ToHaveTitleAsync("{\"opener\":false,\"referrer\":\"\"}");
            Assert.Equal(first.Url, video.Url);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Korean_page_names_each_fancam_in_Korean_and_a_trainee_without_says_so()
    {
        Trainee trainee = WithFancams;
        var page = await chromium.NewPageAsync(server, Viewport.Phone, "ko-KR");
        try
        {
            await page.GotoAsync($"/trainees/{trainee.Id}");
            var section = page.Locator("section[aria-labelledby='fancams']");
            await Expect(section.GetByRole(AriaRole.Heading)).ToHaveTextAsync("직캠");
            for (int i = 0; i < trainee.Fancams!.Count; i++)
            {
                string name = trainee.Fancams[i].Title?.Ko ?? $"직캠 {i + 1}";
                await Expect(section.GetByRole(AriaRole.Link, new() { Name = $"{name} (새 탭에서 열림)", Exact = true })).ToHaveAttributeAsync("href", trainee.Fancams[i].Url);
            }

            await Screenshots.SaveAsync(page, "fan-trainee-fancams-ko", Viewport.Phone);

            await page.GotoAsync($"/trainees/{WithoutFancams.Id}");
            section = page.Locator("section[aria-labelledby='fancams']");
            await Expect(section).ToContainTextAsync("이 연습생의 등록된 직캠이 없습니다.");
            await Expect(section.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
