using KPops.Format;
using KPops.Format.Model;
using KPops.Server.Storage;

namespace KPops.Server.Seasons;

internal static class SeasonRecords
{
    /// <summary>The stored form of a validated season: canonical JSON, so every reader gets the same text.</summary>
    public static SeasonRecord Create(Season season, string? loadedBy, DateTimeOffset loadedAt) =>
        new() { Id = season.Id, Json = SeasonFile.Serialize(season), LoadedAt = loadedAt, LoadedBy = loadedBy };
}
