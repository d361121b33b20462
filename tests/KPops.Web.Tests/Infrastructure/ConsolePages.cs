using KPops.Server.Staff;
using Microsoft.Playwright;

namespace KPops.Web.Tests.Infrastructure;

/// <summary>Steps every console test takes: signing a staff member in through the sign-in form, and waiting for a page's circuit.</summary>
public static class ConsolePages
{
    /// <summary>Signs <paramref name="staff"/> in on the console's sign-in page and waits for the page it lands on.</summary>
    public static async Task SignInAsync(IPage page, StaffCredentials staff, string returnUrl = "/console")
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(staff);
        await page.GotoAsync("/console/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.Locator("#email").FillAsync(staff.Email);
        await page.Locator("#password").FillAsync(staff.Password);
        await page.Locator("form.sign-in button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == returnUrl.Split('?')[0]);
    }

    /// <summary>Opens an interactive page and waits until its circuit is connected, so that clicks reach the server.</summary>
    public static async Task<IResponse?> OpenInteractiveAsync(IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
        return response;
    }

    public static Task WaitForCircuitAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator("[data-circuit=ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }
}
