using Microsoft.AspNetCore.Identity;

namespace KPops.Server.Web.Console;

/// <summary>
/// How console pages authenticate: the staff Identity cookie (or a staff bearer token, for scripted checks), and a
/// browser that is not signed in, or whose role does not fit, is sent to <see cref="SignInPath"/> or
/// <see cref="DeniedPath"/> instead of getting the API's bare 401/403. Console pages declare
/// <c>[Authorize(Policy = …, AuthenticationSchemes = ConsoleAuthentication.Scheme)]</c>.
/// </summary>
public static class ConsoleAuthentication
{
    /// <summary>A policy scheme: authenticates as the API does (bearer or cookie), challenges and forbids with the cookie's redirects.</summary>
    public const string Scheme = "KPops.Console";

    /// <summary>The sign-in page (GET); its form posts to <see cref="SignInFormPath"/>.</summary>
    public const string SignInPath = "/console/signin";

    public const string SignInFormPath = "/console/account/signin";
    public const string SignOutPath = "/console/account/signout";
    public const string DeniedPath = "/console/denied";
    public const string HomePath = "/console";

    /// <summary>A bearer token when the request carries one (scripts, tests), else the staff cookie (browsers).</summary>
    internal static string AuthenticateSchemeFor(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;

    /// <summary>Where to go after signing in: <paramref name="returnUrl"/> when it is a console or reveal page of this site, else the console home.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] != '/' && url[1] != '\\'
            && (url.StartsWith(HomePath, StringComparison.Ordinal) || url.StartsWith("/reveal", StringComparison.Ordinal))
            ? url
            : HomePath;
}
