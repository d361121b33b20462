using System.Reflection;
using KPops.Format.Model;

namespace KPops.Format;

/// <summary>
/// The built-in season formats (<c>presets/*.json</c>, embedded in this assembly): Produce 101 season 2,
/// Produce X 101, Boys Planet, American Idol and Eurovision. <c>docs/presets.md</c> says which published facts
/// each one follows and how they are modelled.
/// </summary>
public static class Presets
{
    private const string ResourcePrefix = "presets/";
    private const string ResourceSuffix = ".json";

    private static readonly Assembly Assembly = typeof(Presets).Assembly;

    /// <summary>Preset names in alphabetical order, e.g. <c>boys-planet</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
        .Select(name => name[ResourcePrefix.Length..^ResourceSuffix.Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The preset's season file text, as shipped.</summary>
    /// <exception cref="ArgumentException">No preset has that name (the message lists the names).</exception>
    public static string Json(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + name + ResourceSuffix)
            ?? throw new ArgumentException($"There is no preset '{name}'. Presets: {string.Join(", ", Names)}.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads and validates a preset.</summary>
    /// <exception cref="ArgumentException">No preset has that name (the message lists the names).</exception>
    /// <exception cref="InvalidOperationException">The shipped file does not validate (a bug in this build).</exception>
    public static Season Load(string name)
    {
        var result = SeasonFile.Parse(Json(name), name + ResourceSuffix);
        if (!result.IsValid)
        {
            throw new InvalidOperationException(
                $"Preset '{name}' does not validate: {string.Join("; ", result.Errors)}");
        }

        return result.Season;
    }
}
