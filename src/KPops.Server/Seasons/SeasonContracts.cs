namespace KPops.Server.Seasons;

/// <summary>A loaded season as listed: its id, English and Korean names, and when it was loaded.</summary>
public sealed record SeasonSummary(string Id, string NameEn, string NameKo, DateTimeOffset LoadedAt);
