using KPops.Format.Model;
using KPops.Format.Validation;
using Xunit;
using static KPops.Format.Tests.TestSeason;

namespace KPops.Format.Tests.Validation;

public sealed class SeasonRulesTests
{
    [Fact]
    public void The_baseline_test_season_is_valid() =>
        Assert.Empty(SeasonValidator.Validate(Valid()));

    [Fact]
    public void Unsupported_schema_version_is_rejected() =>
        ValidationAssert.Errors(Valid() with { SchemaVersion = 2 }, "schemaVersion: this engine reads version 1, not 2");

    [Fact]
    public void Season_id_must_be_lowercase_with_dashes() =>
        ValidationAssert.Errors(Valid() with { Id = "Boys Planet" },
            "id: \"Boys Planet\" must be lowercase letters, digits and single dashes, e.g. boys-planet");

    [Fact]
    public void Names_need_both_korean_and_english() =>
        ValidationAssert.Errors(Valid() with { Name = new LocalizedText("", " ") },
            "name.ko: must not be empty",
            "name.en: must not be empty");

    [Fact]
    public void Unknown_time_zone_is_rejected() =>
        ValidationAssert.Errors(Valid() with { TimeZone = "Asia/Gangnam" }, "timeZone: unknown time zone \"Asia/Gangnam\"");

    [Theory]
    [InlineData("Asia/Seoul")]
    [InlineData("America/New_York")]
    [InlineData("Europe/Stockholm")]
    [InlineData("UTC")]
    public void IANA_time_zones_are_accepted(string zone) =>
        Assert.Empty(SeasonValidator.Validate(Valid() with { TimeZone = zone }));

    [Fact]
    public void Group_ids_must_be_unique() =>
        ValidationAssert.Errors(
            Valid() with { Groups = [new TraineeGroup { Id = "k", Name = Name("K") }, new TraineeGroup { Id = "k", Name = Name("K2") }, new TraineeGroup { Id = "g", Name = Name("G") }] },
            "groups[1].id: duplicate id \"k\", first used at groups[0]");

    [Fact]
    public void Segment_names_need_both_languages() =>
        ValidationAssert.Errors(
            Valid() with { Segments = [new Segment { Id = "kr", Name = new LocalizedText("한국", "") }, new Segment { Id = "gl", Name = Name("Global") }] },
            "segments[0].name.en: must not be empty");

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var season = Valid() with { Id = "", TimeZone = "Nowhere", Trainees = [Trainee("a"), Trainee("a")] };

        var errors = SeasonValidator.Validate(season).Select(e => e.ToString()).ToList();

        Assert.Contains("id: must not be empty", errors);
        Assert.Contains("timeZone: unknown time zone \"Nowhere\"", errors);
        Assert.Contains("trainees[1].id: duplicate id \"a\", first used at trainees[0]", errors);
    }
}
