using Microsoft.Playwright;

namespace KPops.Web.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for the whole test run, driven by Playwright. Playwright never downloads a browser
/// here: it launches <see cref="ExecutablePath"/> (Debian's <c>chromium</c> package; <c>KPOPS_CHROMIUM</c> overrides
/// it). Playwright's driver (node and its package) ships inside the Microsoft.Playwright NuGet package and is copied
/// next to the test assembly, so nothing else is fetched. An assembly fixture: take it in a test class's constructor.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutableEnvironmentVariable = "KPOPS_CHROMIUM";

    /// <summary>How long an <c>Expect(…)</c> assertion waits for the page to match.</summary>
    public const float ExpectTimeoutMs = 15_000;

    /// <summary>Flags for a quiet, reproducible, offline headless run (no sandbox: CI runs as root in a container).</summary>
    private static readonly string[] LaunchArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(ExecutableEnvironmentVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"No Chromium at {ExecutablePath}: install Debian's package (apt-get install chromium fonts-nanum) or set {ExecutableEnvironmentVariable}.");
        }

        // Browser tests share two cores with their servers: give a page more than Playwright's 5 s default to settle
        // (a live count's next tick, a circuit's first render) before an expectation fails.
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = LaunchArgs,
        });
    }

    /// <summary>A fresh browser context (its own cookies and storage).</summary>
    /// <param name="server">The server relative URLs (<c>page.GotoAsync("/console")</c>) resolve against.</param>
    /// <param name="viewport">The screen size and whether it is a touch phone.</param>
    /// <param name="locale">The browser's language (sent as <c>Accept-Language</c>), e.g. <c>ko-KR</c> or <c>en-US</c>.</param>
    /// <param name="timeZone">The browser's time zone (IANA id), for pages that show the viewer's local time.</param>
    public Task<IBrowserContext> NewContextAsync(KPopsWebServer server, Viewport viewport, string locale = "en-US", string timeZone = "UTC")
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(viewport);
        return Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            DeviceScaleFactor = viewport.DeviceScaleFactor,
            IsMobile = viewport.IsMobile,
            HasTouch = viewport.IsMobile,
            Locale = locale,
            TimezoneId = timeZone,
        });
    }

    /// <summary>A page in a fresh context (see <see cref="NewContextAsync"/>); dispose the page's context when done.</summary>
    public async Task<IPage> NewPageAsync(KPopsWebServer server, Viewport viewport, string locale = "en-US", string timeZone = "UTC")
    {
        var context = await NewContextAsync(server, viewport, locale, timeZone);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
