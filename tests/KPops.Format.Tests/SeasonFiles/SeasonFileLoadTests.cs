using KPops.Format.Model;
using Xunit;

namespace KPops.Format.Tests.SeasonFiles;

public sealed class SeasonFileLoadTests
{
    public static TheoryData<string> SeasonFilesInTheRepository()
    {
        var files = new TheoryData<string> { "docs/examples/example-season.json" };
        var presets = RepositoryFiles.PathOf("presets");
        if (Directory.Exists(presets))
        {
            foreach (var file in Directory.EnumerateFiles(presets, "*.json").Order(StringComparer.Ordinal))
            {
                files.Add(Path.GetRelativePath(RepositoryFiles.Root, file));
            }
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(SeasonFilesInTheRepository))]
    public void Season_files_in_the_repository_are_valid(string file)
    {
        var result = SeasonFile.Load(RepositoryFiles.PathOf(file));

        Assert.True(result.IsValid, $"{file}:\n{string.Join("\n", result.Errors)}");
    }

    [Theory]
    [MemberData(nameof(SeasonFilesInTheRepository))]
    public void Serializing_a_loaded_season_is_stable(string file)
    {
        var season = SeasonFile.Load(RepositoryFiles.PathOf(file)).Season!;

        var canonical = SeasonFile.Serialize(season);
        var reparsed = SeasonFile.Parse(canonical);

        Assert.True(reparsed.IsValid, string.Join("\n", reparsed.Errors));
        Assert.Equal(canonical, SeasonFile.Serialize(reparsed.Season));
    }

    [Fact]
    public void The_example_season_loads_as_documented()
    {
        var season = SeasonFile.Load(RepositoryFiles.PathOf("docs/examples/example-season.json")).Season!;

        Assert.Equal("example-planet", season.Id);
        Assert.Equal(8, season.Trainees.Count);
        Assert.Equal(["ep1", "ep2", "finale"], season.Announcements.Select(a => a.Id));
        Assert.Equal(SourceKind.Evaluations, season.Announcements[0].Sources[1].Kind);
        Assert.Equal(7, season.Rounds[2].Ballot.Channels[1].VotesPerPick);
        Assert.True(season.Announcements[2].IsFinale);
    }

    [Fact]
    public void The_example_season_in_the_docs_is_the_example_file()
    {
        var doc = File.ReadAllText(RepositoryFiles.PathOf("docs/season-format.md"));
        var example = File.ReadAllText(RepositoryFiles.PathOf("docs/examples/example-season.json"));

        Assert.Contains(example.TrimEnd(), doc, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_an_error_not_an_exception()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kpops-missing-{Guid.NewGuid():N}.json");

        var error = Assert.Single(SeasonFile.Load(path).Errors);

        Assert.Equal(path, error.Path);
        Assert.StartsWith("cannot read the file: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_inside_a_loaded_file_are_located_by_json_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kpops-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "id": "x", "name": { "ko": "가", "en": "A" }, "trainees": [], "timeZone": "Mars/Olympus" }""");
        try
        {
            Assert.Equal(
                ["timeZone: unknown time zone \"Mars/Olympus\"", "trainees: a season needs at least one trainee"],
                SeasonFile.Load(path).Errors.Select(e => e.ToString()));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
