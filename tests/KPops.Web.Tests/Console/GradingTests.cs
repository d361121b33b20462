using KPops.Format;
using KPops.Format.Model;
using KPops.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KPops.Web.Tests.Console;

/// <summary>The demo season with a mentors' level evaluation, so there is something to grade.</summary>
public sealed class GradedSeasonServer : KPopsWebServer
{
    public const string LevelTest = "level-test";

    protected override Season? SeasonToLoad => Presets.Load(Preset) with
    {
        Evaluations =
        [
            .. Presets.Load(Preset).Evaluations,
            new Evaluation
            {
                Id = LevelTest,
                Name = new LocalizedText("레벨 평가", "Level test"),
                Kind = EvaluationKind.Grade,
                Benefits = new Dictionary<string, long> { ["A"] = 1000 },
            },
        ],
    };
}

public sealed class GradingTests(ChromiumBrowser chromium, GradedSeasonServer server) : IClassFixture<GradedSeasonServer>
{
    [Fact]
    public async Task Mentor_grades_a_trainee_and_the_grade_becomes_a_log_entry()
    {
        var page = await chromium.NewPageAsync(server, Viewport.Phone, locale: "en-US");
        try
        {
            await ConsolePages.SignInAsync(page, server.Mentor, "/console/grading");
            await ConsolePages.WaitForCircuitAsync(page);
            string trainee = server.Season.Trainees[2].Id;

            await page.Locator("#grade-trainee").SelectOptionAsync(trainee);
            await page.GetByLabel("B", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save grade" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{trainee}: grade B recorded as log entry #");
            await Screenshots.SaveAsync(page, "console-grading", Viewport.Phone);

            await page.GetByRole(AriaRole.Button, new() { Name = "Save grade" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("already has grade B");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Producer_cannot_open_the_grading_form()
    {
        var page = await chromium.NewPageAsync(server, Viewport.Desktop, locale: "en-US");
        try
        {
            await ConsolePages.SignInAsync(page, server.Producer);
            await page.GotoAsync("/console/grading");

            Assert.Equal("/console/denied", new Uri(page.Url).AbsolutePath);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
