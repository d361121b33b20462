using KPops.Format.Model;
using Xunit;
using static KPops.Format.Tests.TestSeason;

namespace KPops.Format.Tests.Validation;

public sealed class TraineeRulesTests
{
    private static Season WithTrainees(params Trainee[] trainees) =>
        Valid() with { Trainees = trainees, Rounds = [], Announcements = [] };

    [Fact]
    public void A_season_needs_trainees() =>
        ValidationAssert.Errors(WithTrainees(), "trainees: a season needs at least one trainee");

    [Fact]
    public void Trainee_ids_must_be_unique() =>
        ValidationAssert.Errors(WithTrainees(Trainee("t1"), Trainee("t2"), Trainee("t1")),
            "trainees[2].id: duplicate id \"t1\", first used at trainees[0]");

    [Theory]
    [InlineData("t 1")]
    [InlineData("-t1")]
    [InlineData("t1/2")]
    [InlineData("트레이니")]
    public void Trainee_ids_must_be_well_formed(string id) =>
        ValidationAssert.Errors(WithTrainees(Trainee(id)),
            $"trainees[0].id: \"{id}\" must be 1–64 letters, digits, '-' or '_', starting with a letter or digit");

    [Fact]
    public void Trainee_needs_a_hangul_name() =>
        ValidationAssert.Errors(WithTrainees(Trainee("t1") with { Hangul = "" }), "trainees[0].hangul: must not be empty");

    [Fact]
    public void Trainee_group_must_be_declared() =>
        ValidationAssert.Errors(WithTrainees(Trainee("t1", group: "j")), "trainees[0].group: unknown group \"j\"");

    [Fact]
    public void Trainee_home_segment_must_be_declared() =>
        ValidationAssert.Errors(WithTrainees(Trainee("t1", home: "se")), "trainees[0].homeSegment: unknown segment \"se\"");

    [Fact]
    public void Without_declared_segments_the_implicit_segment_is_the_only_home() =>
        ValidationAssert.Errors(
            WithTrainees(Trainee("t1", home: "all"), Trainee("t2", home: "kr")) with { Segments = [] },
            "trainees[1].homeSegment: unknown segment \"kr\"");

    [Fact]
    public void Nationality_is_a_two_letter_country_code() =>
        ValidationAssert.Errors(WithTrainees(Trainee("t1") with { Nationality = "Korea" }),
            "trainees[0].nationality: \"Korea\" must be an ISO 3166-1 alpha-2 code, e.g. KR");

    [Fact]
    public void Positions_must_not_be_empty_or_null() =>
        ValidationAssert.Errors(WithTrainees(Trainee("t1") with { Positions = ["vocal", "", null!] }),
            "trainees[0].positions[1]: must not be empty",
            "trainees[0].positions[2]: must not be null");

    [Fact]
    public void A_null_trainee_is_reported_at_its_index() =>
        ValidationAssert.Errors(WithTrainees(Trainee("t1"), null!), "trainees[1]: must not be null");
}
