using KPops.Server.Web.Layout;
using KPops.Server.Web.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Web;

/// <summary>
/// The web front end: Blazor components rendered on the server — statically for the public fan pages, interactively
/// (a SignalR circuit) for the producer console and the broadcast reveal — plus the site's static assets.
/// </summary>
public static class WebExtensions
{
    /// <summary>Paths that are machine APIs, not pages: they keep the invariant culture whatever the browser says.</summary>
    private static readonly string[] NonPagePrefixes = ["/api", "/log", "/openapi", "/scalar", "/metrics", "/health"];

    public static IServiceCollection AddKPopsWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        PublicPageAntiforgery.Decorate(services);
        services.AddHttpContextAccessor();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SupportedCultures = [.. WebLanguages.Supported];
            options.SupportedUICultures = [.. WebLanguages.Supported];
            options.DefaultRequestCulture = new RequestCulture(WebLanguages.Korean);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = WebLanguages.QueryKey, UIQueryStringKey = WebLanguages.QueryKey },
                new CookieRequestCultureProvider { CookieName = WebLanguages.CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        // Resolved per request (or per circuit), after the localization middleware has set the culture.
        services.AddScoped(_ => SiteStrings.For(System.Globalization.CultureInfo.CurrentUICulture));
        return services;
    }

    /// <summary>The site's static files.</summary>
    public static WebApplication UseKPopsWebStaticFiles(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStaticFiles(WebStaticFiles.Options());
        return app;
    }

    /// <summary>
    /// Chooses each page request's language (see <see cref="WebLanguages"/>); a <c>?lang=</c> switch is remembered in
    /// a cookie. Runs before authentication so that the console's circuit gets the language too.
    /// </summary>
    public static WebApplication UseKPopsWebLocalization(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(context => !IsNonPage(context.Request.Path), page =>
        {
            page.UseRequestLocalization();
            page.Use(LanguageSwitch.RememberAsync);
        });
        return app;
    }

    /// <summary>The site's static files (<c>wwwroot</c>), the fan pages, and the interactive render mode's endpoints.</summary>
    public static WebApplication MapKPopsWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static bool IsNonPage(PathString path)
    {
        foreach (string prefix in NonPagePrefixes)
        {
            if (path.StartsWithSegments(prefix))
            {
                return true;
            }
        }

        return false;
    }
}
