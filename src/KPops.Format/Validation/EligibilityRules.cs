using KPops.Format.Model;

namespace KPops.Format.Validation;

/// <summary>A round's eligible trainees or an announcement's pool: the references must resolve, in order.</summary>
internal static class EligibilityRules
{
    /// <summary>
    /// Checks a round's eligibility. The announcement it follows must not itself count this round, and must
    /// have aired (when its time is known) before the round opens: until then nobody knows who is eligible.
    /// </summary>
    public static void CheckForRound(SeasonCheck check, string path, Eligibility eligibility, Round round)
    {
        CheckTraineeLists(check, path, eligibility);
        if (eligibility.SurvivorsOf is not { } source)
        {
            return;
        }

        if (!check.AnnouncementIndex.TryGetValue(source, out var index))
        {
            check.Add($"{path}.survivorsOf", $"unknown announcement \"{source}\"");
        }
        else if (Counts(check.Season.Announcements[index], round.Id))
        {
            check.Add($"{path}.survivorsOf", $"announcement \"{source}\" counts this round, so it cannot decide who is eligible in it");
        }
        else if (check.Season.Announcements[index].At > round.OpensAt)
        {
            check.Add($"{path}.survivorsOf", $"announcement \"{source}\" airs after this round opens");
        }
    }

    /// <summary>Checks an announcement's pool; it may follow only an announcement broadcast before it.</summary>
    public static void CheckForAnnouncement(SeasonCheck check, string path, Eligibility eligibility, int announcementIndex)
    {
        CheckTraineeLists(check, path, eligibility);
        if (eligibility.SurvivorsOf is not { } source)
        {
            return;
        }

        if (!check.AnnouncementIndex.TryGetValue(source, out var index))
        {
            check.Add($"{path}.survivorsOf", $"unknown announcement \"{source}\"");
        }
        else if (index >= announcementIndex)
        {
            check.Add($"{path}.survivorsOf", $"must name an earlier announcement; \"{source}\" is not before this one");
        }
    }

    private static void CheckTraineeLists(SeasonCheck check, string path, Eligibility eligibility)
    {
        if (eligibility.Trainees is { } trainees)
        {
            if (eligibility.SurvivorsOf is not null)
            {
                check.Add($"{path}.survivorsOf", "cannot be combined with trainees, which replaces it; keep one");
            }

            CheckTraineeIds(check, $"{path}.trainees", trainees);
        }

        CheckTraineeIds(check, $"{path}.add", eligibility.Add);
        CheckTraineeIds(check, $"{path}.remove", eligibility.Remove);
    }

    private static void CheckTraineeIds(SeasonCheck check, string listPath, IReadOnlyList<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, _, path) in NullItems.Each(check, listPath, ids))
        {
            if (!check.TraineeIds.Contains(id))
            {
                check.Add(path, $"unknown trainee \"{id}\"");
            }
            else if (!seen.Add(id))
            {
                check.Add(path, $"trainee \"{id}\" is listed twice");
            }
        }
    }

    private static bool Counts(Announcement announcement, string roundId) =>
        announcement.Sources.Concat(announcement.SpecialSeats.Where(s => s is not null).SelectMany(s => s.Sources))
            .Any(source => source is not null && source.Rounds.Contains(roundId));
}
