using System.Globalization;
using KPops.Format.Model;

using KPops.Server.Web.Localization;

namespace KPops.Server.Web.Console.Localization;

/// <summary>
/// Every piece of text the producer console shows, in Korean and English, as a typed table like the fan site's
/// <see cref="SiteStrings"/> (a missing translation is a compile error). The language is chosen the same way
/// (<see cref="WebLanguages"/>). Components inject the current circuit's table (<c>@inject ConsoleStrings C</c>).
/// </summary>
public sealed partial record ConsoleStrings
{
    /// <summary>The table's language code (<c>ko</c> or <c>en</c>).</summary>
    public required string Language { get; init; }

    public static ConsoleStrings For(CultureInfo culture) => WebLanguages.Of(culture) == WebLanguages.English ? English : Korean;

    /// <summary>A season's own bilingual text in this table's language.</summary>
    public string Pick(LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Language == WebLanguages.English ? text.En : text.Ko;
    }

    /// <summary>A name given in both languages, in this table's language.</summary>
    public string Pick(string ko, string en) => Language == WebLanguages.English ? en : ko;

    public string Format(string template, params object?[] values) =>
        string.Format(CultureInfo.GetCultureInfo(Language), template, values);

    /// <summary>A ranking status as the season format spells it (<c>survived</c>, …), in words.</summary>
    public string StatusName(string status) => status switch
    {
        "survived" => StatusSurvived,
        "eliminated" => StatusEliminated,
        _ => StatusSpecialSeat,
    };
}
