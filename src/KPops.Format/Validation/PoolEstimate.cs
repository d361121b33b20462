using KPops.Format.Model;

namespace KPops.Format.Validation;

/// <summary>
/// What can be known about an eligibility before any vote is cast: the exact members when it lists trainees
/// or takes all of them, otherwise only an upper bound on its size (the survivors of an earlier announcement
/// are its cut line plus its special seats, plus whoever is added back).
/// </summary>
internal sealed record PoolEstimate(IReadOnlySet<string>? Members, int? MaxCount)
{
    public static readonly PoolEstimate Unknown = new(null, null);

    /// <summary>
    /// Estimates <paramref name="eligibility"/>. <paramref name="before"/> is the index of the announcement that
    /// owns it (or the number of announcements, for a round): only earlier announcements are followed, so a
    /// cyclic file cannot loop.
    /// </summary>
    public static PoolEstimate Of(SeasonCheck check, Eligibility? eligibility, int before)
    {
        if (eligibility is null)
        {
            return Unknown;
        }

        var add = eligibility.Add.OfType<string>().Where(check.TraineeIds.Contains).ToHashSet(StringComparer.Ordinal);
        var remove = eligibility.Remove.OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (eligibility.Trainees is not null || eligibility.SurvivorsOf is null)
        {
            var members = new HashSet<string>(
                eligibility.Trainees?.OfType<string>().Where(check.TraineeIds.Contains) ?? check.TraineeIds,
                StringComparer.Ordinal);
            members.UnionWith(add);
            members.ExceptWith(remove);
            return new PoolEstimate(members, members.Count);
        }

        if (!check.AnnouncementIndex.TryGetValue(eligibility.SurvivorsOf, out var index) || index >= before)
        {
            return Unknown;
        }

        var earlier = check.Season.Announcements[index];
        var survivors = earlier.CutLine is { } cut
            ? cut + earlier.SpecialSeats.Where(s => s is not null).Sum(s => Math.Max(s.Count, 0))
            : Of(check, earlier.Pool, index).MaxCount;
        var bound = survivors + add.Count;
        return bound is { } max ? new PoolEstimate(null, Math.Min(max, check.TraineeIds.Count)) : Unknown;
    }
}
