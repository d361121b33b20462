using KPops.Format.Model;

namespace KPops.Format.Ranking;

/// <summary>
/// Resolves an <see cref="Eligibility"/> (a round's eligible trainees, an announcement's pool) to trainee ids.
/// Rounds and announcements share it so that "who may be voted for" and "who is ranked" never disagree.
/// </summary>
public static class EligibilityResolver
{
    /// <summary>
    /// The base set — every trainee, the survivors (survived and special seats) of <see cref="Eligibility.SurvivorsOf"/>,
    /// or the explicit <see cref="Eligibility.Trainees"/> list, which takes precedence — plus <see cref="Eligibility.Add"/>,
    /// minus <see cref="Eligibility.Remove"/>; returned in the season's trainee order, each id once.
    /// </summary>
    /// <exception cref="InvalidOperationException">The announcement named by SurvivorsOf is not in <paramref name="earlier"/> yet.</exception>
    public static IReadOnlyList<string> Resolve(Season season, Eligibility eligibility, IReadOnlyDictionary<string, AnnouncementResult> earlier)
    {
        ArgumentNullException.ThrowIfNull(season);
        ArgumentNullException.ThrowIfNull(eligibility);
        ArgumentNullException.ThrowIfNull(earlier);

        HashSet<string>? included = null;
        if (eligibility.Trainees is { } listed)
        {
            included = new HashSet<string>(listed, StringComparer.Ordinal);
        }
        else if (eligibility.SurvivorsOf is { } announcement)
        {
            if (!earlier.TryGetValue(announcement, out var result))
            {
                throw new InvalidOperationException(
                    $"Eligibility follows the survivors of announcement \"{announcement}\", which has not been ranked yet.");
            }

            included = new HashSet<string>(result.Survivors, StringComparer.Ordinal);
        }

        var removed = new HashSet<string>(eligibility.Remove, StringComparer.Ordinal);
        var added = new HashSet<string>(eligibility.Add, StringComparer.Ordinal);
        return [.. season.Trainees
            .Select(t => t.Id)
            .Where(id => (included is null || included.Contains(id) || added.Contains(id)) && !removed.Contains(id))];
    }
}
