using System.Text.Json;
using KPops.Format.Model;
using KPops.Format.Validation;

namespace KPops.Format;

/// <summary>
/// Reads, validates and writes season files (see <c>docs/season-format.md</c>). Nothing a file contains makes
/// these methods throw: every problem, from a missing brace to a cut line below zero, comes back as a
/// <see cref="SeasonError"/> naming where it is.
/// </summary>
public static class SeasonFile
{
    /// <summary>Parses and validates season JSON.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="sourceName">What to call the document as a whole in errors that concern all of it (a file name).</param>
    public static SeasonLoadResult Parse(string json, string sourceName = "season")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);

        Season? season;
        try
        {
            season = JsonSerializer.Deserialize<Season>(json, SeasonJson.Options);
        }
        catch (JsonException exception)
        {
            return new SeasonLoadResult(null, SeasonFileJsonErrors.FromShapeError(exception, sourceName));
        }

        if (season is null)
        {
            return new SeasonLoadResult(null, [new SeasonError(sourceName, "expected a season object, found null")]);
        }

        return new SeasonLoadResult(season, SeasonValidator.Validate(season));
    }

    /// <summary>Reads a season file from disk, then parses and validates it as <see cref="Parse"/> does.</summary>
    public static SeasonLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new SeasonLoadResult(null, [new SeasonError(path, $"cannot read the file: {exception.Message}")]);
        }

        return Parse(json, Path.GetFileName(path));
    }

    /// <summary>The canonical JSON form of a season (indented, camelCase, defaults written out, nulls left out).</summary>
    public static string Serialize(Season season)
    {
        ArgumentNullException.ThrowIfNull(season);
        return JsonSerializer.Serialize(season, SeasonJson.Options);
    }
}
