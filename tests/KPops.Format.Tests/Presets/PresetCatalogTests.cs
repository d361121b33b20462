using Xunit;
namespace KPops.Format.Tests;

public class PresetCatalogTests
{
    public static TheoryData<string> PresetNames => new(Presets.Names);

    [Fact]
    public void The_five_presets_are_listed_by_name() =>
        Assert.Equal(["american-idol", "boys-planet", "eurovision", "produce-101-s2", "produce-x-101"], Presets.Names);

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Every_preset_validates_with_zero_errors(string name)
    {
        var result = SeasonFile.Parse(Presets.Json(name), name + ".json");

        Assert.Empty(result.Errors);
        Assert.Equal(name, result.Season!.Id);
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Every_preset_trainee_has_a_display_name_and_a_unique_id(string name)
    {
        var season = Presets.Load(name);

        Assert.Equal(season.Trainees.Count, season.Trainees.Select(t => t.Id).Distinct().Count());
        Assert.All(season.Trainees, t => Assert.False(string.IsNullOrWhiteSpace(Romanizer.DisplayRomanized(t))));
    }

    [Fact]
    public void An_unknown_preset_name_is_rejected_with_the_list_of_names()
    {
        var error = Assert.Throws<ArgumentException>(() => Presets.Load("produce-48"));

        Assert.Contains("produce-48", error.Message, StringComparison.Ordinal);
        Assert.All(Presets.Names, name => Assert.Contains(name, error.Message, StringComparison.Ordinal));
    }
}
