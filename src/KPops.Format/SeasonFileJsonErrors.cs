using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using KPops.Format.Model;
using KPops.Format.Validation;

namespace KPops.Format;

/// <summary>
/// Turns the one <see cref="JsonException"/> a failed deserialization throws into a <see cref="SeasonError"/>
/// a producer can act on: the path in <c>a.b[3].c</c> style and a short message instead of .NET type names.
/// The expected type is found by walking the season's serialization metadata along the path, so messages
/// stay right when the model changes.
/// </summary>
internal static partial class SeasonFileJsonErrors
{
    /// <summary>Misspellings up to this many edits get a suggestion; further than that a guess would mislead.</summary>
    private const int MaxSuggestionDistance = 2;

    public static IReadOnlyList<SeasonError> FromShapeError(JsonException exception, string sourceName)
    {
        var jsonPath = exception.Path ?? "$";
        var path = ToDottedPath(jsonPath, sourceName);

        // The reader's own exception (malformed JSON) arrives wrapped; every other one is about shape or type.
        if (exception.InnerException is JsonException syntax)
        {
            return [new SeasonError(path, $"invalid JSON{Location(exception)}: {WithoutPosition(syntax.Message)}")];
        }

        var message = exception.Message;
        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return [.. QuotedNames().Matches(missing.Groups["names"].Value)
                .Select(name => new SeasonError(Append(path, name.Groups["name"].Value, sourceName), "is required"))];
        }

        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return [new SeasonError(path, UnknownProperty(jsonPath))];
        }

        if (message.StartsWith("Duplicate propert", StringComparison.Ordinal))
        {
            return [new SeasonError(path, "duplicate property")];
        }

        if (message.Contains("null value", StringComparison.Ordinal))
        {
            return [new SeasonError(path, "must not be null")];
        }

        return TypeAt(jsonPath) is { } expected
            ? [new SeasonError(path, $"expected {Describe(expected)}")]
            : [new SeasonError(path, WithoutPosition(message))];
    }

    /// <summary>"unknown property", with the nearest known name when the misspelling is small (maxPick → maxPicks).</summary>
    private static string UnknownProperty(string jsonPath)
    {
        var steps = PathSteps().Matches(jsonPath);
        if (steps.Count == 0 || !steps[^1].Groups["name"].Success)
        {
            return "unknown property";
        }

        var name = steps[^1].Groups["name"].Value;
        var parent = TypeAt(jsonPath[..steps[^1].Index]);
        var info = parent is null ? null : SeasonJson.Options.GetTypeInfo(parent);
        var nearest = info?.Kind == JsonTypeInfoKind.Object
            ? info.Properties
                .Select(p => (p.Name, Distance: EditDistance.Between(name, p.Name)))
                .Where(candidate => candidate.Distance <= MaxSuggestionDistance)
                .OrderBy(candidate => candidate.Distance)
                .Select(candidate => candidate.Name)
                .FirstOrDefault()
            : null;
        return nearest is null ? "unknown property" : $"unknown property; did you mean \"{nearest}\"?";
    }

    /// <summary><c>$.rounds[3].ballot</c> → <c>rounds[3].ballot</c>; the root itself is called by the source's name.</summary>
    public static string ToDottedPath(string jsonPath, string sourceName)
    {
        var dotted = jsonPath.StartsWith('$') ? jsonPath[1..] : jsonPath;
        dotted = dotted.TrimStart('.');
        return dotted.Length == 0 ? sourceName : dotted;
    }

    private static string Append(string path, string name, string sourceName) =>
        path == sourceName ? name : $"{path}.{name}";

    private static string Location(JsonException exception) =>
        exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, column {position + 1}")
            : "";

    /// <summary>Drops the " Path: … | LineNumber: …" tail that System.Text.Json appends; the error carries both already.</summary>
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        return cut < 0 ? message : message[..cut];
    }

    /// <summary>The CLR type the serializer expected at a JSON path, or null if the path leaves the model.</summary>
    internal static Type? TypeAt(string jsonPath)
    {
        var info = SeasonJson.Options.GetTypeInfo(typeof(Season));
        foreach (var step in PathSteps().Matches(jsonPath).Cast<Match>())
        {
            var name = step.Groups["name"].Success ? step.Groups["name"].Value
                : step.Groups["quoted"].Success ? step.Groups["quoted"].Value
                : null;
            Type? next = info.Kind switch
            {
                JsonTypeInfoKind.Object when name is not null => info.Properties
                    .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType,
                JsonTypeInfoKind.Dictionary when name is not null => info.ElementType,
                JsonTypeInfoKind.Enumerable when name is null => info.ElementType,
                _ => null,
            };
            if (next is null)
            {
                return null;
            }

            info = SeasonJson.Options.GetTypeInfo(next);
        }

        return info.Type;
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName));
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "an integer";
        }

        if (type == typeof(decimal) || type == typeof(double))
        {
            return "a number";
        }

        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(DateTimeOffset))
        {
            return "a date and time with its UTC offset, e.g. 2026-05-01T20:00:00+09:00";
        }

        if (type == typeof(DateOnly))
        {
            return "a date, e.g. 2004-03-21";
        }

        return SeasonJson.Options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Enumerable ? "an array" : "an object";
    }

    [GeneratedRegex(@"missing required properties including: (?<names>.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"'(?<name>[^']+)'")]
    private static partial Regex QuotedNames();

    /// <summary>Steps of a System.Text.Json path: <c>.name</c>, <c>['quoted name']</c> or <c>[index]</c>.</summary>
    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSteps();
}
