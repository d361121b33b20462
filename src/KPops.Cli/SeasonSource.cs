using KPops.Format;
using KPops.Format.Model;

namespace KPops.Cli;

/// <summary>Where a command's season comes from — a season file or a built-in preset — with the errors users see.</summary>
internal static class SeasonSource
{
    /// <summary>The file's path, or a <see cref="CliException"/> with exit code 2 when it does not exist.</summary>
    public static string RequireExisting(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliException($"{file.FullName}: no such file", ExitCodes.FileNotFound);
        }

        return file.FullName;
    }

    /// <summary>Exactly one of a file and a preset name must be given.</summary>
    public static Season Resolve(FileInfo? file, string? preset, string fileOptionName)
    {
        return (file, preset) switch
        {
            (not null, not null) => throw new CliException($"give either {fileOptionName} or --preset, not both"),
            (null, null) => throw new CliException($"give a season with {fileOptionName} or --preset NAME (see: kpops presets)"),
            (not null, null) => Load(file),
            (null, not null) => Preset(preset),
        };
    }

    public static Season Preset(string name)
    {
        if (!Presets.Names.Contains(name, StringComparer.Ordinal))
        {
            throw new CliException($"unknown preset '{name}'; presets: {string.Join(", ", Presets.Names)}");
        }

        return Presets.Load(name);
    }

    /// <summary>Loads a season file that must be valid; its errors become the message, one <c>path: message</c> per line.</summary>
    public static Season Load(FileInfo file)
    {
        var result = SeasonFile.Load(RequireExisting(file));
        if (!result.IsValid)
        {
            var errors = string.Join(Environment.NewLine, result.Errors.Select(e => "  " + e));
            throw new CliException($"{file.Name} is not a valid season file:{Environment.NewLine}{errors}");
        }

        return result.Season;
    }
}
