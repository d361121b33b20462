using Microsoft.Playwright;

namespace KPops.Web.Tests.Infrastructure;

/// <summary>Saves what a page shows into <c>&lt;artifacts&gt;/screenshots/</c> (see <see cref="Artifacts"/>).</summary>
public static class Screenshots
{
    /// <summary>
    /// Saves the whole page as <c>&lt;name&gt;.png</c> (e.g. <c>console-live-count-desktop</c>) and returns its path. Waits
    /// for web fonts first, so Hangul is drawn in the Korean font rather than as empty boxes.
    /// </summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Artifacts.ScreenshotsDirectory);
        string path = Path.Combine(Artifacts.ScreenshotsDirectory, name + ".png");
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Saves as <c>&lt;name&gt;-&lt;viewport&gt;.png</c>.</summary>
    public static Task<string> SaveAsync(IPage page, string name, Viewport viewport)
    {
        ArgumentNullException.ThrowIfNull(viewport);
        return SaveAsync(page, $"{name}-{viewport.Name}");
    }
}
