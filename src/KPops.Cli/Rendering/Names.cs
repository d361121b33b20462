using KPops.Format.Model;

namespace KPops.Cli.Rendering;

/// <summary>Names as shown next to each other in English and Korean, without repeating one that is the same in both.</summary>
internal static class Names
{
    public static string Bilingual(LocalizedText name) =>
        string.Equals(name.En, name.Ko, StringComparison.Ordinal) ? name.En : $"{name.En} · {name.Ko}";

    /// <summary>The trainee's Hangul name, or nothing when it is the romanized name again (an entry named in Latin letters).</summary>
    public static string HangulUnlessSame(Trainee trainee, string romanized) =>
        string.Equals(trainee.Hangul, romanized, StringComparison.Ordinal) ? "" : trainee.Hangul;
}
