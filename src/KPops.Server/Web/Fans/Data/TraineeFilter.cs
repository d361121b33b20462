using System.Globalization;
using KPops.Format;
using KPops.Format.Model;

namespace KPops.Server.Web.Fans.Data;

/// <summary>
/// The trainee grid's filters, read from the query string so that they work without JavaScript:
/// <c>?q=</c> (Hangul, romanized or English name; case, spaces and hyphens ignored), <c>group</c>, <c>agency</c>, <c>position</c>.
/// </summary>
public sealed record TraineeFilter(string? Query, string? Group, string? Agency, string? Position)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Query) && Group is null && Agency is null && Position is null;

    public IEnumerable<Trainee> Apply(IEnumerable<Trainee> trainees)
    {
        ArgumentNullException.ThrowIfNull(trainees);
        string needle = Fold(Query);
        return trainees.Where(t =>
            (needle.Length == 0 || Names(t).Any(name => Fold(name).Contains(needle, StringComparison.Ordinal)))
            && (string.IsNullOrEmpty(Group) || t.Group == Group)
            && (string.IsNullOrEmpty(Agency) || string.Equals(t.Agency, Agency, StringComparison.Ordinal))
            && (string.IsNullOrEmpty(Position) || t.Positions.Contains(Position, StringComparer.Ordinal)));
    }

    /// <summary>Every spelling a fan might search by: Hangul, the romanization (given or derived), the English name.</summary>
    public static IEnumerable<string> Names(Trainee trainee)
    {
        ArgumentNullException.ThrowIfNull(trainee);
        yield return trainee.Hangul;
        yield return Romanizer.DisplayRomanized(trainee);
        if (trainee.EnglishName is { } english)
        {
            yield return english;
        }
    }

    // "Sung Hanbin", "sunghanbin" and "SUNG-HANBIN" all fold to "sunghanbin"; Hangul is kept as composed syllables.
    private static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var folded = new System.Text.StringBuilder(text.Length);
        foreach (char c in text.Normalize(System.Text.NormalizationForm.FormC))
        {
            if (!char.IsWhiteSpace(c) && c != '-' && c != '.' && c != '\'')
            {
                folded.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }

        return folded.ToString();
    }
}
