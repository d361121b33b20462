using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace KPops.Server.Web.Localization;

/// <summary>Remembers a <c>?lang=ko|en</c> choice in the culture cookie, so every later page keeps it.</summary>
internal static class LanguageSwitch
{
    private static readonly TimeSpan Remembered = TimeSpan.FromDays(365);

    public static Task RememberAsync(HttpContext context, Func<Task> next)
    {
        string? asked = context.Request.Query[WebLanguages.QueryKey];
        if (asked is WebLanguages.Korean or WebLanguages.English)
        {
            context.Response.Cookies.Append(
                WebLanguages.CookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(asked)),
                new CookieOptions { MaxAge = Remembered, IsEssential = true, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax, HttpOnly = false, Path = "/" });
        }

        return next();
    }
}
