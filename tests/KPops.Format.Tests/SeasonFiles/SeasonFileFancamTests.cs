using System.Text.Json;
using KPops.Format.Model;
using Xunit;

namespace KPops.Format.Tests.SeasonFiles;

/// <summary>
/// Fancams are an optional field added after seasons were first recorded in vote logs, whose season entries carry
/// the canonical JSON and its digest: a season without fancams must serialize exactly as it did before.
/// </summary>
public sealed class SeasonFileFancamTests
{
    private const string Tiny = """
        {
          "id": "tiny",
          "name": { "ko": "작은 시즌", "en": "Tiny season" },
          "trainees": [
            {
              "id": "a",
              "hangul": "김가",
              "fancams": [
                { "url": "https://www.youtube.com/watch?v=Qp3vY7nXc2A", "title": { "ko": "주제곡 직캠", "en": "Theme song fancam" } },
                { "url": "https://www.youtube.com/watch?v=hT8mW1kRz0s" }
              ]
            },
            { "id": "b", "hangul": "이나" }
          ]
        }
        """;

    [Fact]
    public void Fancams_are_read_in_file_order_with_optional_titles()
    {
        var result = SeasonFile.Parse(Tiny);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var fancams = result.Season.Trainees[0].Fancams!;
        Assert.Equal(["https://www.youtube.com/watch?v=Qp3vY7nXc2A", "https://www.youtube.com/watch?v=hT8mW1kRz0s"], fancams.Select(f => f.Url));
        Assert.Equal(new LocalizedText("주제곡 직캠", "Theme song fancam"), fancams[0].Title);
        Assert.Null(fancams[1].Title);
        Assert.Null(result.Season.Trainees[1].Fancams);
    }

    [Fact]
    public void Fancams_survive_the_canonical_form()
    {
        var season = SeasonFile.Parse(Tiny).Season!;

        var canonical = SeasonFile.Serialize(season);
        var again = SeasonFile.Parse(canonical);

        Assert.True(again.IsValid);
        Assert.Equal(canonical, SeasonFile.Serialize(again.Season!));
        Assert.Equal(season.Trainees[0].Fancams!, again.Season!.Trainees[0].Fancams!);
    }

    [Theory]
    [MemberData(nameof(PresetCatalogTests.PresetNames), MemberType = typeof(PresetCatalogTests))]
    public void Without_fancams_the_canonical_form_has_no_fancams_property(string preset)
    {
        var season = Presets.Load(preset);
        var without = season with { Trainees = [.. season.Trainees.Select(t => t with { Fancams = null })] };

        using var canonical = JsonDocument.Parse(SeasonFile.Serialize(without));

        Assert.All(canonical.RootElement.GetProperty("trainees").EnumerateArray(),
            trainee => Assert.False(trainee.TryGetProperty("fancams", out _)));
    }

    [Fact]
    public void A_fancam_without_a_url_is_a_shape_error()
    {
        var result = SeasonFile.Parse(Tiny.Replace("{ \"url\": \"https://www.youtube.com/watch?v=hT8mW1kRz0s\" }", "{ }", StringComparison.Ordinal));

        Assert.False(result.IsValid);
        Assert.StartsWith("trainees[0].fancams[1]", result.Errors.Single().Path, StringComparison.Ordinal);
    }
}
