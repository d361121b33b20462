using KPops.Server.Web.Console.Localization;
using KPops.Server.Web.Reveal;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Web.Console;

public static class ConsoleExtensions
{
    /// <summary>
    /// The producer console and the broadcast reveal (Blazor pages under <c>/console</c> and <c>/reveal</c>, rendered
    /// interactively): the console's authentication scheme and sign-in redirects, its text tables, and the reveal's
    /// shared state. Register after <c>AddKPopsStaff</c> and <c>AddKPopsWeb</c>.
    /// </summary>
    public static IServiceCollection AddKPopsConsole(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddAuthentication().AddPolicyScheme(ConsoleAuthentication.Scheme, "Producer console", options =>
        {
            options.ForwardDefaultSelector = ConsoleAuthentication.AuthenticateSchemeFor;
            options.ForwardChallenge = IdentityConstants.ApplicationScheme;
            options.ForwardForbid = IdentityConstants.ApplicationScheme;
        });

        // Only challenges made with the cookie scheme redirect (the console's); the API keeps answering 401/403.
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = ConsoleAuthentication.SignInPath;
            options.AccessDeniedPath = ConsoleAuthentication.DeniedPath;
        });

        // Resolved per request (or per circuit), after the localization middleware has set the culture.
        services.AddScoped(_ => ConsoleStrings.For(System.Globalization.CultureInfo.CurrentUICulture));
        services.AddSingleton<RevealCueFile>();
        services.AddSingleton<RevealDirector>();
        services.AddSingleton<SeasonUpload>();
        return services;
    }

    /// <summary>The console's form endpoints (sign-in, sign-out); its pages are mapped with the other Blazor pages.</summary>
    public static IEndpointRouteBuilder MapKPopsConsole(this IEndpointRouteBuilder app)
    {
        app.MapConsoleSignIn();
        return app;
    }
}
