using System.Globalization;

namespace KPops.Server.Web.Localization;

/// <summary>
/// The fan site's two languages. A request's language comes from <c>?lang=ko|en</c> (which also sets the
/// <see cref="CookieName"/> cookie, so the choice sticks), then that cookie, then <c>Accept-Language</c>, else Korean.
/// </summary>
public static class WebLanguages
{
    public const string Korean = "ko";
    public const string English = "en";

    /// <summary>The query-string key of the language switch (<c>?lang=en</c>).</summary>
    public const string QueryKey = "lang";

    /// <summary>ASP.NET Core's culture cookie (<c>c=en|uic=en</c>), so the framework's cookie provider reads it.</summary>
    public const string CookieName = ".KPops.Language";

    public static IReadOnlyList<CultureInfo> Supported { get; } = [CultureInfo.GetCultureInfo(Korean), CultureInfo.GetCultureInfo(English)];

    /// <summary>The language of <paramref name="culture"/>: English for any English culture, Korean otherwise.</summary>
    public static string Of(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == English ? English : Korean;
    }
}
