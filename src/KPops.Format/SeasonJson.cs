using System.Text.Json;
using System.Text.Json.Serialization;

namespace KPops.Format;

/// <summary>
/// The one set of JSON conventions for season files: camelCase names, enums as camelCase strings,
/// comments and trailing commas allowed (season files are written by hand). Anything a hand-written file can
/// get wrong in shape is rejected rather than guessed at: unknown properties, duplicate properties, null where
/// the model does not allow it, and missing required values (including those of positional records such as
/// <see cref="Model.LocalizedText"/>).
/// </summary>
public static class SeasonJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
