using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KPops.Format;

namespace KPops.Server.Tests.Infrastructure;

internal static class Json
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>A valid season file: a preset under a fresh id, so that each upload is new.</summary>
    public static string NewSeason(out string id, string preset = "produce-x-101")
    {
        var season = JsonNode.Parse(Presets.Json(preset), documentOptions: Lenient)!.AsObject();
        id = "test-" + Guid.NewGuid().ToString("N")[..12];
        season["id"] = id;
        return season.ToJsonString();
    }

    public static StringContent Content(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
