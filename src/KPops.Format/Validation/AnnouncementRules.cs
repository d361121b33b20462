namespace KPops.Format.Validation;

/// <summary>Announcements: pool, sources, cut line, special seats and tie-breaks must all be computable.</summary>
internal static class AnnouncementRules
{
    public static void Check(SeasonCheck check)
    {
        var announcements = check.Season.Announcements;
        IdRules.CheckUnique(check, "announcements", announcements, a => a.Id);
        string? finalePath = null;
        foreach (var (announcement, index, path) in NullItems.Each(check, "announcements", announcements))
        {
            SeasonRules.CheckName(check, $"{path}.name", announcement.Name);
            EligibilityRules.CheckForAnnouncement(check, $"{path}.pool", announcement.Pool, index);
            var pool = PoolEstimate.Of(check, announcement.Pool, index);
            if (pool.MaxCount == 0)
            {
                check.Add($"{path}.pool", "no trainee is in the pool");
            }

            if (announcement.Sources.Count == 0)
            {
                check.Add($"{path}.sources", "must have at least one source");
            }

            ScoreSourceRules.CheckAll(check, $"{path}.sources", announcement.Sources, announcement.At);

            if (announcement.CutLine < 1)
            {
                check.Add($"{path}.cutLine", "must be ≥ 1");
            }
            else if (announcement.CutLine > pool.MaxCount)
            {
                check.Add($"{path}.cutLine", $"must be ≤ the pool size ({pool.MaxCount})");
            }

            SpecialSeatRules.Check(check, path, announcement);
            TieBreakRules.Check(check, path, announcement, index);

            if (announcement.IsFinale)
            {
                if (finalePath is not null)
                {
                    check.Add($"{path}.isFinale", $"only one announcement can be the finale; {finalePath} is already");
                }

                finalePath ??= path;
            }
        }
    }
}
