using System.Globalization;
using KPops.Format;
using KPops.Format.Model;

namespace KPops.Server.Web.Fans.Data;

/// <summary>
/// Seasons carry no photos, so each trainee gets a deterministic avatar: initials on a colour derived from the id
/// (the same trainee looks the same on every page and every server). Colours are dark enough for white text (≥ 4.5:1).
/// </summary>
public static class TraineeAvatars
{
    /// <summary>Romanized initials, e.g. "SH" for Sung Hanbin (at most two letters).</summary>
    public static string Initials(Trainee trainee)
    {
        ArgumentNullException.ThrowIfNull(trainee);
        var words = Romanizer.DisplayRomanized(trainee).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var initials = words.Take(2).Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture));
        return string.Concat(initials);
    }

    /// <summary>An HSL colour from a stable hash (FNV-1a) of the id: hue varies, lightness stays at 28 %.</summary>
    public static string Colour(string traineeId)
    {
        ArgumentNullException.ThrowIfNull(traineeId);
        uint hash = 2166136261;
        foreach (char c in traineeId)
        {
            hash = (hash ^ c) * 16777619;
        }

        return string.Create(CultureInfo.InvariantCulture, $"hsl({hash % 360}, 55%, 28%)");
    }
}
