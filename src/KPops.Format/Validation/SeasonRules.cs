using KPops.Format.Model;

namespace KPops.Format.Validation;

/// <summary>The season as a whole: version, id, name, time zone, and its groups and segments.</summary>
internal static class SeasonRules
{
    public const int SupportedSchemaVersion = 1;

    public static void Check(SeasonCheck check)
    {
        var season = check.Season;
        if (season.SchemaVersion != SupportedSchemaVersion)
        {
            check.Add("schemaVersion", $"this engine reads version {SupportedSchemaVersion}, not {season.SchemaVersion}");
        }

        IdRules.CheckSeasonId(check, "id", season.Id);
        CheckName(check, "name", season.Name);
        if (string.IsNullOrWhiteSpace(season.TimeZone))
        {
            check.Add("timeZone", "must not be empty");
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(season.TimeZone, out _))
        {
            check.Add("timeZone", $"unknown time zone \"{season.TimeZone}\"");
        }

        foreach (var (group, _, path) in NullItems.Each(check, "groups", season.Groups))
        {
            CheckName(check, $"{path}.name", group.Name);
        }

        IdRules.CheckUnique(check, "groups", season.Groups, g => g.Id);

        foreach (var (segment, _, path) in NullItems.Each(check, "segments", season.Segments))
        {
            CheckName(check, $"{path}.name", segment.Name);
        }

        IdRules.CheckUnique(check, "segments", season.Segments, s => s.Id);
    }

    /// <summary>Every name is shown in both languages, so both must be there.</summary>
    public static void CheckName(SeasonCheck check, string path, LocalizedText? name)
    {
        if (name is null)
        {
            check.Add(path, "is required");
            return;
        }

        if (string.IsNullOrWhiteSpace(name.Ko))
        {
            check.Add($"{path}.ko", "must not be empty");
        }

        if (string.IsNullOrWhiteSpace(name.En))
        {
            check.Add($"{path}.en", "must not be empty");
        }
    }
}
