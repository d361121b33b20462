using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace KPops.Server.Web.Layout;

/// <summary>
/// Public pages may be cached briefly by browsers and shared caches: they hold nothing personal (voter tokens and
/// receipts live in the browser), and a few seconds of staleness is harmless while a finale's crowd reloads them.
/// They differ by language, which comes from <c>Accept-Language</c> or the language cookie.
/// </summary>
public static class PublicCaching
{
    public const int MaxAgeSeconds = 15;

    /// <summary>
    /// Marks the response cacheable just before its headers go out (after the framework has set its own): a response
    /// that sets a cookie (the language switch, an anti-forgery token) is personal and keeps the framework's no-store.
    /// </summary>
    public static void Apply(HttpContext? context)
    {
        if (context is null || context.Response.HasStarted)
        {
            return;
        }

        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.SetCookie))
            {
                response.Headers.CacheControl = $"public, max-age={MaxAgeSeconds}";
                response.Headers.Remove(HeaderNames.Pragma);
            }

            response.Headers.Append(HeaderNames.Vary, "Accept-Language, Cookie");
            return Task.CompletedTask;
        }, context.Response);
    }
}
