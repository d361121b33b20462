using System.Net;
using KPops.Server.Demo;
using KPops.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace KPops.Server.Tests;

/// <summary>
/// A server of the web tests' own: Boys Planet (two trainee groups, "at least one from each" ballots) with its
/// first round open now, so pages have trainees, a current round and a rule to show.
/// </summary>
public sealed class WebSiteFixture : IAsyncLifetime
{
    public const string Preset = "boys-planet";

    private WebApplication? _app;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "kpops-web-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public WebApplication App => _app ?? throw new InvalidOperationException("The server is not started.");

    public DemoSetup Demo { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await ServerFixture.StartAsync(new Dictionary<string, string?> { ["KPops:DataDirectory"] = DataDirectory });
        Demo = await DemoSeed.SeedAsync(App.Services, Preset, DemoSchedule.FirstRoundOpenNow);
    }

    /// <summary>A browser-like client: keeps cookies, and asks for <paramref name="acceptLanguage"/> when given.</summary>
    public HttpClient Browser(string? acceptLanguage = null)
    {
        var client = ServerFixture.CreateClient(App);
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}

/// <summary>Pages as text: Blazor writes non-ASCII text as character references, so tests read them decoded.</summary>
internal static class WebPage
{
    public static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>The shell every page shares: the document, the language choice, static assets, cache headers.</summary>
public sealed class WebSiteTests(WebSiteFixture site) : IClassFixture<WebSiteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Home_page_is_Korean_by_default()
    {
        using var client = site.Browser();
        string html = await WebPage.GetAsync(client, "/");
        Assert.Contains("<html lang=\"ko\">", html, StringComparison.Ordinal);
        Assert.Contains("국민 프로듀서", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_page_follows_an_English_browser()
    {
        using var client = site.Browser("en-US,en;q=0.9");
        string html = await WebPage.GetAsync(client, "/");
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("National Producers", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_switch_is_remembered_in_a_cookie()
    {
        using var client = site.Browser("en-US");
        using var switched = await client.GetAsync("/?lang=ko", Ct);
        Assert.Contains("<html lang=\"ko\">", await switched.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.NotEqual(true, switched.Headers.CacheControl?.Public);

        string later = await WebPage.GetAsync(client, "/");
        Assert.Contains("<html lang=\"ko\">", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_pages_are_cacheable_and_vary_by_language()
    {
        using var client = site.Browser();
        using var response = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.NotNull(response.Headers.CacheControl?.MaxAge);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.DoesNotContain(response.Headers, header => header.Key == "Set-Cookie");
    }

    [Theory]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/js/site.js", "text/javascript")]
    [InlineData("/_framework/blazor.web.js", "text/javascript")]
    public async Task Static_assets_are_served_from_the_assembly(string path, string contentType)
    {
        using var client = site.Browser();
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Public);
    }

    [Fact]
    public async Task Api_answers_keep_the_invariant_culture_and_problem_details()
    {
        using var client = site.Browser("en-US");
        using var response = await client.GetAsync("/api/no-such-thing", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
