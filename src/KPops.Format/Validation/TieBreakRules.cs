using KPops.Format.Model;

namespace KPops.Format.Validation;

/// <summary>Tie-break rules must point at something the ranking has: a source of this announcement or an earlier ranking.</summary>
internal static class TieBreakRules
{
    public static void Check(SeasonCheck check, string announcementPath, Announcement announcement, int announcementIndex)
    {
        var labels = announcement.Sources.Where(s => s is not null).Select(s => s.Label).ToHashSet(StringComparer.Ordinal);
        foreach (var (rule, _, path) in NullItems.Each(check, $"{announcementPath}.tieBreak", announcement.TieBreak))
        {
            if (rule.Kind == TieBreakKind.Source)
            {
                if (!labels.Contains(rule.Ref))
                {
                    check.Add($"{path}.ref", $"no source labelled \"{rule.Ref}\" in this announcement");
                }
            }
            else if (!check.AnnouncementIndex.TryGetValue(rule.Ref, out var index))
            {
                check.Add($"{path}.ref", $"unknown announcement \"{rule.Ref}\"");
            }
            else if (index >= announcementIndex)
            {
                check.Add($"{path}.ref", $"must name an earlier announcement; \"{rule.Ref}\" is not before this one");
            }
        }
    }
}
