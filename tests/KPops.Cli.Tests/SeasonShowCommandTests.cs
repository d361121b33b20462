using Xunit;

namespace KPops.Cli.Tests;

public sealed class SeasonShowCommandTests
{
    [Fact]
    public void Show_of_a_preset_prints_rounds_rules_announcements_and_romanized_trainees()
    {
        var run = CliRun.Invoke("season", "show", "--preset", "produce-x-101");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Produce X 101", run.Out, StringComparison.Ordinal);
        Assert.Contains("online-1", run.Out, StringComparison.Ordinal);
        Assert.Contains("1–11 picks; 1 ballot per day", run.Out, StringComparison.Ordinal);
        Assert.Contains("survivors of ranking-1", run.Out, StringComparison.Ordinal);
        Assert.Contains("groupWin +3,000", run.Out, StringComparison.Ordinal);
        Assert.Contains("Kim Yohan", run.Out, StringComparison.Ordinal);
        Assert.Contains("김요한", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_of_a_file_prints_the_same_as_show_of_the_preset_it_was_made_from()
    {
        using var file = new TempSeasonFile("american-idol");

        var fromFile = CliRun.Invoke("season", "show", file.Path);
        var fromPreset = CliRun.Invoke("season", "show", "--preset", "american-idol");

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(fromPreset.Out, fromFile.Out);
        Assert.Contains("at most 10 votes per trainee per channel", fromFile.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_preset_is_rejected_with_the_list_of_presets()
    {
        var run = CliRun.Invoke("season", "show", "--preset", "produce-48");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("unknown preset 'produce-48'", run.Error, StringComparison.Ordinal);
        Assert.Contains("boys-planet", run.Error, StringComparison.Ordinal);
        Assert.False(run.ShowsStackTrace);
    }

    [Fact]
    public void Both_a_file_and_a_preset_are_rejected()
    {
        using var file = new TempSeasonFile("eurovision");

        var run = CliRun.Invoke("season", "show", file.Path, "--preset", "eurovision");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not both", run.Error, StringComparison.Ordinal);
    }
}
