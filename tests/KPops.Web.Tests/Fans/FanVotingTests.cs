using KPops.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KPops.Web.Tests.Fans;

/// <summary>
/// A fan's whole path in Chromium: sign up with a one-time code, vote under the round's rule, keep the receipt and
/// verify it in the browser (WebCrypto), and see the rule or the server's refusal explained.
/// </summary>
public sealed class FanVotingTests(ChromiumBrowser chromium, FanWebServer server) : IClassFixture<FanWebServer>
{
    [Fact]
    public async Task Fan_signs_up_votes_and_verifies_the_receipt_in_the_browser()
    {
        var page = await chromium.NewPageAsync(server, Viewport.Phone, "ko-KR", "Europe/Paris");
        try
        {
            string email = FanWebServer.NewEmail();
            // A slow verify call, as on a loaded machine: the test must wait for the token, not for the address.
            await page.RouteAsync("**/api/fans/verify", async route =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                await route.ContinueAsync();
            });
            await page.GotoAsync("/sign-in");
            await page.GetByLabel("이메일 또는 휴대폰 번호").FillAsync(email);
            await page.GetByRole(AriaRole.Button, new() { Name = "코드 받기" }).ClickAsync();
            await page.Locator("#code-verify").WaitForAsync();
            await page.GetByLabel("6자리 코드").FillAsync(server.LastCodeFor(email));
            await Screenshots.SaveAsync(page, "fan-sign-in-code", Viewport.Phone);
            await page.GetByRole(AriaRole.Button, new() { Name = "확인" }).ClickAsync();
            // The status line names the address as soon as the code is sent; the sign-out button appears only once
            // the verify call returned and the voter token is kept, so the vote page can use it.
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#signed-in")).ToContainTextAsync(email);

            await page.GotoAsync($"/vote/{FanWebServer.Round}");

            await page.Locator("#ballot[data-ready]").WaitForAsync();
            await page.Locator($"#pick-{server.FirstOf("k").Id}").CheckAsync();
            await page.Locator($"#pick-{server.FirstOf("g").Id}").CheckAsync();
            var send = page.GetByRole(AriaRole.Button, new() { Name = "투표하기" });
            await Assertions.Expect(send).ToBeEnabledAsync();
            await send.ClickAsync();
            var result = page.Locator("#ballot-result.success");
            await Assertions.Expect(result).ToContainTextAsync("로그 번호");
            await Screenshots.SaveAsync(page, "fan-vote-accepted", Viewport.Phone);
            string index = (await result.GetAttributeAsync("data-index"))!;

            await page.GotoAsync("/my-ballots");
            var receipt = page.Locator($"li.receipt[data-index='{index}']");
            await receipt.GetByRole(AriaRole.Button, new() { Name = "확인" }).ClickAsync();
            await Assertions.Expect(receipt.Locator(".verdict")).ToHaveAttributeAsync("data-verified", "true");
            await Assertions.Expect(receipt.Locator(".verdict")).ToContainTextAsync("Ed25519");
            await Screenshots.SaveAsync(page, "fan-receipt-verified", Viewport.Phone);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_tampered_receipt_fails_verification_in_the_browser()
    {
        var page = await chromium.NewPageAsync(server, Viewport.Desktop, "en-US");
        try
        {
            await server.SignInThroughApiAsync(page, FanWebServer.NewEmail());
            await VoteAsync(page, server.FirstOf("k").Id, server.FirstOf("g").Id);
            // Flip the receipt's leaf hash: the proof must no longer lead to the signed root.
            await page.EvaluateAsync("""
                () => {
                  const all = JSON.parse(localStorage.getItem('kpops.receipts'));
                  const hash = all[0].receipt.entryHash;
                  all[0].receipt.entryHash = (hash[0] === 'A' ? 'B' : 'A') + hash.slice(1);
                  localStorage.setItem('kpops.receipts', JSON.stringify(all));
                }
                """);
            await page.GotoAsync("/my-ballots");
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).First.ClickAsync();
            var verdict = page.Locator(".verdict").First;
            await Assertions.Expect(verdict).ToHaveAttributeAsync("data-verified", "false");
            await Assertions.Expect(verdict).ToContainTextAsync("does not lead to the checkpoint's root hash");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task A_rule_violation_is_shown_before_the_ballot_is_sent(string screen)
    {
        var viewport = Viewport.DesktopAndPhone.Single(v => v.Name == screen);
        var page = await chromium.NewPageAsync(server, viewport, "en-US");
        try
        {
            await server.SignInThroughApiAsync(page, FanWebServer.NewEmail());
            await page.GotoAsync($"/vote/{FanWebServer.Round}");
            await page.Locator("#ballot[data-ready]").WaitForAsync();
            // Two K trainees and no G trainee: the round wants at least one from each group.
            foreach (var trainee in server.Group("k").Take(2))
            {
                await page.Locator($"#pick-{trainee.Id}").CheckAsync();
            }

            var problems = page.Locator("#rule-problems");
            await Assertions.Expect(problems.Locator("li[data-code='group-min']")).ToContainTextAsync("Pick at least 1 from G group.");
            var send = page.GetByRole(AriaRole.Button, new() { Name = "Send my ballot" });
            await Assertions.Expect(send).ToBeDisabledAsync();
            await Screenshots.SaveAsync(page, "fan-vote-rule-violation", viewport);

            // Too many picks: nine is the most this round allows.
            foreach (var trainee in server.Group("g").Take(8))
            {
                await page.Locator($"#pick-{trainee.Id}").CheckAsync();
            }

            await Assertions.Expect(problems.Locator("li[data-code='too-many-picks']")).ToContainTextAsync("at most 9");
            await Assertions.Expect(problems.Locator("li[data-code='group-min']")).ToHaveCountAsync(0);
            await Assertions.Expect(send).ToBeDisabledAsync();
            await Assertions.Expect(page.Locator("#ballot-result")).ToBeEmptyAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_servers_refusal_is_shown_with_its_problem_code()
    {
        var page = await chromium.NewPageAsync(server, Viewport.Desktop, "en-US");
        try
        {
            await server.SignInThroughApiAsync(page, FanWebServer.NewEmail());
            await VoteAsync(page, server.FirstOf("k").Id, server.FirstOf("g").Id);
            // This browser forgets the receipt, so its quota check lets a second ballot through: the server does not.
            await page.EvaluateAsync("() => localStorage.removeItem('kpops.receipts')");
            await page.GotoAsync($"/vote/{FanWebServer.Round}");
            await page.Locator("#ballot[data-ready]").WaitForAsync();
            await page.Locator($"#pick-{server.FirstOf("k").Id}").CheckAsync();
            await page.Locator($"#pick-{server.FirstOf("g").Id}").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send my ballot" }).ClickAsync();
            var result = page.Locator("#ballot-result.problem");
            await Assertions.Expect(result).ToHaveAttributeAsync("data-code", "quota-exhausted");
            await Assertions.Expect(result).ToContainTextAsync("The server refused the ballot: quota-exhausted");
            await Screenshots.SaveAsync(page, "fan-vote-refused", Viewport.Desktop);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    public static TheoryData<string> Screens() => new(Viewport.DesktopAndPhone.Select(v => v.Name));

    private static async Task VoteAsync(IPage page, params string[] picks)
    {
        await page.GotoAsync($"/vote/{FanWebServer.Round}");
        await page.Locator("#ballot[data-ready]").WaitForAsync();
        foreach (string pick in picks)
        {
            await page.Locator($"#pick-{pick}").CheckAsync();
        }

        await page.Locator("#submit-ballot").ClickAsync();
        await page.Locator("#ballot-result.success").WaitForAsync();
    }
}
