using System.Net;
using System.Net.Http.Json;
using KPops.Server.PublicLog;
using KPops.Voting.Pipeline;
using KPops.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Web.Tests;

/// <summary>The browser-test harness itself: Debian's Chromium reaches the in-process server and screenshots land in the artifacts.</summary>
public sealed class InfrastructureTests(ChromiumBrowser chromium, KPopsWebServer server) : IClassFixture<KPopsWebServer>
{
    [Fact]
    public async Task Chromium_reads_the_log_checkpoint_from_the_in_process_server()
    {
        var page = await chromium.NewPageAsync(server, Viewport.Desktop);
        try
        {
            var response = await page.GotoAsync("/log/checkpoint");
            Assert.NotNull(response);
            Assert.Equal(200, response.Status);
            string body = await page.InnerTextAsync("body");
            Assert.StartsWith(server.Services.GetRequiredService<LogHost>().Origin + "\n", body, StringComparison.Ordinal);

            string path = await Screenshots.SaveAsync(page, "infrastructure-checkpoint", Viewport.Desktop);
            Assert.True(new FileInfo(path).Length > 0);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("producer")]
    [InlineData("mentor")]
    [InlineData("auditor")]
    public async Task Each_seeded_staff_account_signs_in_with_its_captured_password(string role)
    {
        var staff = server.Demo.Staff.Single(account => account.Role == role);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var response = await client.PostAsJsonAsync("/api/staff/login", new { email = staff.Email, password = staff.Password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Injected_ballots_enter_the_log_once_the_round_is_open()
    {
        string round = server.Season.Rounds[0].Id;
        string[] picks = [server.Season.Trainees[0].Id, server.Season.Trainees[1].Id];

        var before = await server.CastAsync(round, "infrastructure-fan", picks);
        await server.OpenRoundNowAsync(round);
        var after = await server.CastAsync(round, "infrastructure-fan", picks);

        Assert.Equal(SubmitStatus.Rejected, before.Status);
        Assert.Equal(SubmitStatus.Accepted, after.Status);
    }
}
