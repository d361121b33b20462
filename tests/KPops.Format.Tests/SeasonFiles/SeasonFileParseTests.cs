using Xunit;

namespace KPops.Format.Tests.SeasonFiles;

public sealed class SeasonFileParseTests
{
    /// <summary>A valid season, written with placeholders that each test replaces with a mistake.</summary>
    private const string Template = """
        {
          "id": "tiny",
          "name": { "ko": "작은 시즌", "en": "Tiny season" },
          "trainees": [
            { "id": "a", "hangul": "김가" },
            { "id": "b", "hangul": "이나" }
          ],
          "rounds": [
            {
              "id": "r1",
              "name": { "ko": "투표", "en": "Vote" },
              "opensAt": "2026-03-01T21:00:00+09:00",
              "closesAt": "2026-03-07T23:00:00+09:00",
              "ballot": { "maxPicks": 2 }
            }
          ],
          "announcements": [
            {
              "id": "ep1",
              "name": { "ko": "발표", "en": "Ranking" },
              "sources": [{ "label": "online", "kind": "votes", "rounds": ["r1"] }],
              "cutLine": 1
            }
          ]
        }
        """;

    private static SeasonLoadResult ParseWith(string original, string replacement)
    {
        Assert.Contains(original, Template, StringComparison.Ordinal);
        return SeasonFile.Parse(Template.Replace(original, replacement, StringComparison.Ordinal));
    }

    private static string SingleError(SeasonLoadResult result)
    {
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors).ToString();
    }

    [Fact]
    public void A_valid_file_parses_without_errors()
    {
        var result = SeasonFile.Parse(Template);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("tiny", result.Season.Id);
        Assert.Equal(2, result.Season.Rounds[0].Ballot.MaxPicks);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed_in_hand_written_files() =>
        Assert.True(ParseWith("\"ballot\": { \"maxPicks\": 2 }", "\"ballot\": { \"maxPicks\": 2, /* up to two */ }").IsValid);

    [Fact]
    public void Syntax_error_names_the_path_line_and_column()
    {
        // The ballot loses its closing brace, so the round's brace closes it and the "]" after it is unexpected.
        var error = Assert.Single(ParseWith("\"maxPicks\": 2 }", "\"maxPicks\": 2 ").Errors);

        Assert.Equal("rounds[0]", error.Path);
        Assert.StartsWith("invalid JSON at line 16, column 3: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_text_is_invalid_JSON_of_the_whole_source()
    {
        var error = Assert.Single(SeasonFile.Parse("", "my-season.json").Errors);

        Assert.Equal("my-season.json", error.Path);
        Assert.StartsWith("invalid JSON at line 1, column 1: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_document_is_rejected() =>
        Assert.Equal("season: expected a season object, found null", SingleError(SeasonFile.Parse("null")));

    [Fact]
    public void Array_document_is_rejected() =>
        Assert.Equal("season: expected an object", SingleError(SeasonFile.Parse("[]")));

    [Fact]
    public void Wrong_number_type_names_the_path() =>
        Assert.Equal("rounds[0].ballot.maxPicks: expected an integer", SingleError(ParseWith("\"maxPicks\": 2", "\"maxPicks\": \"two\"")));

    [Fact]
    public void Fractional_pick_count_is_rejected() =>
        Assert.Equal("rounds[0].ballot.maxPicks: expected an integer", SingleError(ParseWith("\"maxPicks\": 2", "\"maxPicks\": 2.5")));

    [Fact]
    public void Unknown_enum_value_lists_the_accepted_ones() =>
        Assert.Equal("announcements[0].sources[0].kind: expected one of votes, evaluations, segmentPoints",
            SingleError(ParseWith("\"kind\": \"votes\"", "\"kind\": \"televote\"")));

    [Fact]
    public void Enum_values_must_be_names_not_numbers() =>
        Assert.Equal("announcements[0].sources[0].kind: expected one of votes, evaluations, segmentPoints",
            SingleError(ParseWith("\"kind\": \"votes\"", "\"kind\": 0")));

    [Fact]
    public void Bad_date_explains_the_expected_format() =>
        Assert.Equal("rounds[0].opensAt: expected a date and time with its UTC offset, e.g. 2026-05-01T20:00:00+09:00",
            SingleError(ParseWith("\"2026-03-01T21:00:00+09:00\"", "\"1 March\"")));

    [Fact]
    public void Array_where_an_object_belongs_is_rejected() =>
        Assert.Equal("rounds[0].ballot: expected an object", SingleError(ParseWith("{ \"maxPicks\": 2 }", "[2]")));

    [Fact]
    public void Object_where_an_array_belongs_is_rejected() =>
        Assert.Equal("trainees: expected an array",
            SingleError(SeasonFile.Parse("""{ "id": "x", "name": { "ko": "가", "en": "A" }, "trainees": {} }""")));

    [Fact]
    public void Unknown_property_is_an_error_at_its_path() =>
        Assert.Equal("rounds[0].ballot.votesPerDay: unknown property", SingleError(ParseWith("\"maxPicks\": 2", "\"maxPicks\": 2, \"votesPerDay\": 3")));

    [Fact]
    public void Misspelt_property_suggests_the_nearest_known_one() =>
        Assert.Equal("rounds[0].ballot.maxPick: unknown property; did you mean \"maxPicks\"?",
            SingleError(ParseWith("\"maxPicks\": 2", "\"maxPicks\": 2, \"maxPick\": 3")));

    [Fact]
    public void Misspelt_top_level_property_suggests_the_nearest_known_one() =>
        Assert.Equal("timeZon: unknown property; did you mean \"timeZone\"?",
            SingleError(ParseWith("\"id\": \"tiny\",", "\"id\": \"tiny\", \"timeZon\": \"UTC\",")));

    [Fact]
    public void Duplicate_property_is_an_error_at_its_path() =>
        Assert.Equal("trainees[1].id: duplicate property", SingleError(ParseWith("{ \"id\": \"b\",", "{ \"id\": \"b\", \"id\": \"c\",")));

    [Fact]
    public void Missing_required_property_is_named() =>
        Assert.Equal("trainees[1].hangul: is required", SingleError(ParseWith("{ \"id\": \"b\", \"hangul\": \"이나\" }", "{ \"id\": \"b\" }")));

    [Fact]
    public void Every_missing_required_property_of_an_object_is_named()
    {
        var result = ParseWith("{ \"id\": \"b\", \"hangul\": \"이나\" }", "{ }");

        Assert.Equal(["trainees[1].id: is required", "trainees[1].hangul: is required"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Missing_half_of_a_bilingual_name_is_named() =>
        Assert.Equal("name.en: is required", SingleError(ParseWith("\"name\": { \"ko\": \"작은 시즌\", \"en\": \"Tiny season\" }", "\"name\": { \"ko\": \"작은 시즌\" }")));

    [Fact]
    public void Null_where_a_value_is_required_is_rejected() =>
        Assert.Equal("trainees[0].hangul: must not be null", SingleError(ParseWith("\"hangul\": \"김가\"", "\"hangul\": null")));

    [Fact]
    public void Null_list_is_rejected() =>
        Assert.Equal("rounds: must not be null", SingleError(ParseWith("\"rounds\": [", "\"rounds\": null, \"unused\": [")));

    [Fact]
    public void Valid_json_with_format_errors_returns_the_season_and_every_error()
    {
        var result = ParseWith("\"cutLine\": 1", "\"cutLine\": 3");

        Assert.False(result.IsValid);
        Assert.NotNull(result.Season);
        Assert.Equal(["announcements[0].cutLine: must be ≤ the pool size (2)"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Error_reads_as_path_colon_message() =>
        Assert.Equal("rounds[3].ballot.maxPicks: must be ≥ minPicks", new SeasonError("rounds[3].ballot.maxPicks", "must be ≥ minPicks").ToString());
}
