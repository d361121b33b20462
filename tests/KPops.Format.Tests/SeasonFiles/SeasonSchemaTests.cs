using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KPops.Format.Model;
using Xunit;

namespace KPops.Format.Tests.SeasonFiles;

/// <summary>
/// Keeps docs/season.schema.json in step with the model the engine reads: every object type reachable from
/// <see cref="Season"/> has a definition (named after the type) with exactly the properties and required
/// properties the serializer uses, and every enumeration lists exactly the names the serializer accepts.
/// </summary>
public sealed class SeasonSchemaTests
{
    private static readonly JsonElement Definitions = LoadDefinitions();

    private static JsonElement LoadDefinitions()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("docs/season.schema.json")));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.Equal("#/$defs/Season", schema.RootElement.GetProperty("$ref").GetString());
        return schema.RootElement.GetProperty("$defs").Clone();
    }

    public static TheoryData<string> ModelTypes() => [.. ReachableTypes().Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Schema_defines_each_model_type_as_the_engine_reads_it(string typeName)
    {
        var type = ReachableTypes().Single(t => t.Name == typeName);
        Assert.True(Definitions.TryGetProperty(typeName, out var definition), $"$defs has no {typeName}");

        if (type.IsEnum)
        {
            Assert.Equal(
                Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName),
                definition.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
            return;
        }

        var info = SeasonJson.Options.GetTypeInfo(type);
        Assert.False(definition.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(
            info.Properties.Select(p => p.Name).Order(StringComparer.Ordinal),
            definition.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            info.Properties.Where(IsRequired).Select(p => p.Name).Order(StringComparer.Ordinal),
            definition.TryGetProperty("required", out var required)
                ? required.EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal)
                : []);
    }

    [Fact]
    public void Schema_defines_no_type_the_model_lacks() =>
        Assert.Equal(
            ReachableTypes().Select(t => t.Name).Order(StringComparer.Ordinal),
            Definitions.EnumerateObject().Select(d => d.Name).Order(StringComparer.Ordinal));

    private static bool IsRequired(JsonPropertyInfo property) =>
        property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false };

    /// <summary>The model's object and enum types a season file can contain, found through serialization metadata.</summary>
    private static List<Type> ReachableTypes()
    {
        var found = new List<Type>();
        var pending = new Queue<Type>([typeof(Season)]);
        while (pending.TryDequeue(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            var info = SeasonJson.Options.GetTypeInfo(type);
            if (info.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary)
            {
                pending.Enqueue(info.ElementType!);
                continue;
            }

            if (type.Namespace != typeof(Season).Namespace || found.Contains(type))
            {
                continue;
            }

            found.Add(type);
            foreach (var property in info.Properties)
            {
                pending.Enqueue(property.PropertyType);
            }
        }

        return found;
    }
}
