using System.Globalization;
using KPops.Format.Model;

namespace KPops.Server.Web.Localization;

/// <summary>
/// Every piece of text the fan site shows, as a typed table with one instance per language
/// (<see cref="Korean"/>, <see cref="English"/>): a missing translation is a compile error, not a blank on air.
/// Components inject the current request's table (<c>@inject SiteStrings T</c>).
/// </summary>
public sealed partial record SiteStrings
{
    /// <summary>The table's language code (<c>ko</c> or <c>en</c>), used for <c>&lt;html lang&gt;</c>.</summary>
    public required string Language { get; init; }

    /// <summary>The table for <paramref name="culture"/> (see <see cref="WebLanguages.Of"/>).</summary>
    public static SiteStrings For(CultureInfo culture) => WebLanguages.Of(culture) == WebLanguages.English ? English : Korean;

    /// <summary>A season's own bilingual text in this table's language.</summary>
    public string Pick(LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Language == WebLanguages.English ? text.En : text.Ko;
    }

    public string Format(string template, params object?[] values) =>
        string.Format(CultureInfo.GetCultureInfo(Language), template, values);
}
