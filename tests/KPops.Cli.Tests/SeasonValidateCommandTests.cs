using System.Text.Json.Nodes;
using Xunit;

namespace KPops.Cli.Tests;

public sealed class SeasonValidateCommandTests
{
    [Fact]
    public void A_valid_season_file_prints_valid_and_exits_zero()
    {
        using var file = new TempSeasonFile("boys-planet");

        var run = CliRun.Invoke("season", "validate", file.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["valid"], run.OutLines);
    }

    [Fact]
    public void Each_error_is_printed_as_its_path_and_message_and_the_exit_code_is_one()
    {
        using var file = new TempSeasonFile("boys-planet", json =>
        {
            json["rounds"]![1]!["ballot"]!["maxPicks"] = 0;
            json["announcements"]![0]!["cutLine"] = -5;
        });

        var run = CliRun.Invoke("season", "validate", file.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.OutLines, line => line.StartsWith("rounds[1].ballot.maxPicks: ", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, line => line.StartsWith("announcements[0].cutLine: ", StringComparison.Ordinal));
        Assert.DoesNotContain("valid", run.OutLines);
    }

    [Fact]
    public void A_file_that_is_not_json_is_reported_without_a_stack_trace()
    {
        using var file = new TempSeasonFile("eurovision");
        File.WriteAllText(file.Path, "{ \"id\": ");

        var run = CliRun.Invoke("season", "validate", file.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.NotEmpty(run.OutLines);
        Assert.All(run.OutLines, line => Assert.Contains(": ", line, StringComparison.Ordinal));
        Assert.False(run.ShowsStackTrace);
    }

    [Fact]
    public void A_missing_file_is_named_in_the_message_and_exits_two()
    {
        var missing = Path.Combine(Path.GetTempPath(), "kpops-no-such-season.json");

        var run = CliRun.Invoke("season", "validate", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Validate_without_a_file_is_a_usage_error()
    {
        var run = CliRun.Invoke("season", "validate");

        Assert.Equal(1, run.ExitCode);
        Assert.NotEqual("", run.Error);
    }
}
