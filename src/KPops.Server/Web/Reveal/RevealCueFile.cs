using System.Text.Json;
using System.Text.Json.Serialization;
using KPops.Log;
using KPops.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace KPops.Server.Web.Reveal;

/// <summary>
/// Where the broadcast reveal's progress is kept between runs: <c>reveal.json</c> in the data directory, next to the
/// vote log whose announcements it steps through. Replaced whole on every step (<see cref="DurableFile"/>), so a crash
/// at any moment leaves either the previous step or the new one, never a torn file. A file that cannot be read is reported and the reveal starts over, as it did before it was
/// kept at all: the ranking itself always comes from the log, so nothing but the producers' place is lost.
/// </summary>
public sealed partial class RevealCueFile(DataDirectory data, ILogger<RevealCueFile> logger)
{
    public const string FileName = "reveal.json";

    private const int Version = 1;

    private static readonly JsonSerializerOptions Json = CreateOptions();

    public string Path => data.PathOf(FileName);

    /// <summary>The cues saved by the last run, by announcement id; empty when there are none or the file is unreadable.</summary>
    public Dictionary<string, RevealCue> Load()
    {
        var cues = new Dictionary<string, RevealCue>(StringComparer.Ordinal);
        Stored? stored;
        try
        {
            if (!File.Exists(Path))
            {
                return cues;
            }

            stored = JsonSerializer.Deserialize<Stored>(File.ReadAllBytes(Path), Json);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            LogUnreadable(logger, exception, Path);
            return cues;
        }

        if (stored?.Cues is null || stored.Version != Version)
        {
            LogUnreadable(logger, null, Path);
            return cues;
        }

        foreach (var cue in stored.Cues)
        {
            if (cue is { AnnouncementId.Length: > 0, Revealed: >= 0 } && Enum.IsDefined(cue.Order))
            {
                cues[cue.AnnouncementId] = cue;
            }
        }

        return cues;
    }

    /// <summary>
    /// Replaces the saved cues with <paramref name="cues"/>. When the disk refuses it logs and goes on: the reveal on
    /// air continues from memory, and only a restart before the next successful save would lose the step.
    /// </summary>
    public void Save(IEnumerable<RevealCue> cues)
    {
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new Stored(Version, [.. cues.OrderBy(c => c.AnnouncementId, StringComparer.Ordinal)]), Json);
            DurableFile.Replace(Path, bytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogNotSaved(logger, exception, Path);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broadcast reveal's saved progress in {Path} cannot be read; every reveal starts over.")]
    private static partial void LogUnreadable(ILogger logger, Exception? exception, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "The broadcast reveal's progress could not be saved to {Path}; the reveal goes on, but a restart would lose this step.")]
    private static partial void LogNotSaved(ILogger logger, Exception exception, string path);

    private sealed record Stored(int Version, IReadOnlyList<RevealCue> Cues);
}
