using System.Text.Json.Nodes;
using KPops.Format;

namespace KPops.Cli.Tests;

/// <summary>A season file in a temporary directory, made from a preset and optionally broken on purpose.</summary>
internal sealed class TempSeasonFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kpops-cli-tests-").FullName;

    public TempSeasonFile(string preset, Action<JsonNode>? change = null)
    {
        var json = JsonNode.Parse(Presets.Json(preset), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        change?.Invoke(json);
        Path = System.IO.Path.Combine(_directory, preset + ".json");
        File.WriteAllText(Path, json.ToJsonString());
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
