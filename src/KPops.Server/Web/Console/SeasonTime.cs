using System.Globalization;

namespace KPops.Server.Web.Console;

/// <summary>Times as the console shows them: in the season's own time zone (KST for Korean shows), with the offset.</summary>
public static class SeasonTime
{
    public static string Format(DateTimeOffset instant, string timeZoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return local.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }
}
