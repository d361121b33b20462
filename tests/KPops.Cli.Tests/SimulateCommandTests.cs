using System.Text.Json.Nodes;
using Xunit;

namespace KPops.Cli.Tests;

public sealed class SimulateCommandTests
{
    [Fact]
    public void The_same_seed_prints_the_same_output()
    {
        var first = CliRun.Invoke("simulate", "--preset", "boys-planet", "--fans", "3000", "--seed", "7");
        var second = CliRun.Invoke("simulate", "--preset", "boys-planet", "--fans", "3000", "--seed", "7");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void A_different_seed_prints_different_rankings()
    {
        var first = CliRun.Invoke("simulate", "--preset", "produce-101-s2", "--fans", "2000", "--seed", "1");
        var second = CliRun.Invoke("simulate", "--preset", "produce-101-s2", "--fans", "2000", "--seed", "2");

        Assert.Equal(0, second.ExitCode);
        Assert.NotEqual(first.Out, second.Out);
    }

    [Fact]
    public void Every_announcement_is_printed_with_its_breakdown_columns_and_seats()
    {
        var run = CliRun.Invoke("simulate", "--preset", "produce-x-101", "--fans", "2000", "--seed", "3");

        Assert.Equal(0, run.ExitCode);
        foreach (var heading in new[] { "(ranking-1: 101 ranked, top 60 go on)", "(ranking-2: 60 ranked", "(ranking-3:", "(finale: 20 ranked, top 10 debut)" })
        {
            Assert.Contains(heading, run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("benefits", run.Out, StringComparison.Ordinal);
        Assert.Contains("revived", run.Out, StringComparison.Ordinal);
        Assert.Contains("debut (X)", run.Out, StringComparison.Ordinal);
        Assert.Contains("eliminated", run.Out, StringComparison.Ordinal);
        Assert.Contains("김요한", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finale_with_one_seat_names_a_single_winner()
    {
        var run = CliRun.Invoke("simulate", "--preset", "eurovision", "--fans", "1000");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(final: 26 ranked, one winner)", run.Out, StringComparison.Ordinal);
        Assert.Single(run.OutLines, line => line.Contains("│ winner", StringComparison.Ordinal));
        Assert.DoesNotContain("eliminated", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Top_limits_the_rows_of_each_ranking()
    {
        var run = CliRun.Invoke("simulate", "--preset", "american-idol", "--fans", "500", "--top", "2");

        Assert.Equal(0, run.ExitCode);
        var rankRows = run.OutLines.Where(line => line.StartsWith("│ 1 ", StringComparison.Ordinal) || line.StartsWith("│ 2 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2 * 4, rankRows.Count);
        Assert.DoesNotContain(run.OutLines, line => line.StartsWith("│ 3 ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_season_file_can_be_simulated()
    {
        using var file = new TempSeasonFile("eurovision");

        var fromFile = CliRun.Invoke("simulate", "--season", file.Path, "--fans", "1000");
        var fromPreset = CliRun.Invoke("simulate", "--preset", "eurovision", "--fans", "1000");

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(fromPreset.Out, fromFile.Out);
    }

    [Fact]
    public void An_invalid_season_file_prints_its_errors_and_is_not_simulated()
    {
        using var file = new TempSeasonFile("eurovision", json => json["rounds"]![0]!["ballot"]!["maxPicks"] = 0);

        var run = CliRun.Invoke("simulate", "--season", file.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("rounds[0].ballot.maxPicks: ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("simulate", "--preset", "produce-48")]
    [InlineData("simulate", "--preset", "boys-planet", "--fans", "0")]
    [InlineData("simulate", "--preset", "boys-planet", "--fans", "many")]
    [InlineData("simulate", "--preset", "boys-planet", "--top", "-1")]
    [InlineData("simulate")]
    [InlineData("simulate", "--preset", "boys-planet", "--season", "x.json")]
    public void Bad_input_exits_non_zero_with_a_message_and_no_stack_trace(params string[] args)
    {
        var run = CliRun.Invoke(args);

        Assert.Equal(1, run.ExitCode);
        Assert.NotEqual("", run.Error.Trim());
        Assert.False(run.ShowsStackTrace);
    }

    [Fact]
    public void A_missing_season_file_exits_two()
    {
        var run = CliRun.Invoke("simulate", "--season", Path.Combine(Path.GetTempPath(), "kpops-missing.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }
}
