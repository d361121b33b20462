using KPops.Format.Model;

namespace KPops.Server.Demo;

/// <summary>When the demo's season takes place.</summary>
public enum DemoSchedule
{
    /// <summary>The preset's own dates (years ago for the real shows): every round is over.</summary>
    AsPublished,

    /// <summary>
    /// The preset moved by whole days so that its first round opened within the last day: voting works at once, and
    /// the later rounds, evaluations and announcements keep their spacing after it.
    /// </summary>
    FirstRoundOpenNow,
}

/// <summary>Moves a season in time without changing its format.</summary>
public static class SeasonShift
{
    /// <summary>
    /// <paramref name="season"/> moved by the whole number of days that puts its first round's opening within the day
    /// before <paramref name="now"/>. Whole days keep the local times of day and the voting-day boundaries the preset
    /// was written with.
    /// </summary>
    public static Season FirstRoundOpenAt(Season season, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(season);
        if (season.Rounds.Count == 0)
        {
            return season;
        }

        long days = (long)Math.Floor((now - season.Rounds[0].OpensAt).TotalDays);
        return By(season, TimeSpan.FromDays(days));
    }

    public static Season By(Season season, TimeSpan shift)
    {
        ArgumentNullException.ThrowIfNull(season);
        return season with
        {
            Rounds = [.. season.Rounds.Select(r => r with { OpensAt = r.OpensAt + shift, ClosesAt = r.ClosesAt + shift })],
            Announcements = [.. season.Announcements.Select(a => a with { At = a.At + shift })],
        };
    }
}
