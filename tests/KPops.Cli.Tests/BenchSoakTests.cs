using System.Text.RegularExpressions;
using KPops.Cli.Bench;
using Xunit;

namespace KPops.Cli.Tests;

/// <summary>
/// A CI-sized soak (four 5-second intervals at a modest given capacity, so it holds on a busy machine): the real server
/// on loopback under wrk, steady then spike then the close. Needs Debian's wrk.
/// </summary>
public sealed partial class BenchSoakTests
{
    [Fact]
    public void Short_soak_takes_every_valid_ballot_refuses_only_the_intended_ones_and_reports_each_interval()
    {
        Assert.SkipWhen(Wrk.Missing() is not null && Environment.GetEnvironmentVariable("CI") != "true", "wrk is not installed (apt-get install wrk)");

        var run = CliRun.Invoke("bench", "soak", "--minutes", "4", "--minute-seconds", "5", "--capacity", "150", "--connections", "8", "--spike-connections", "16");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Out + run.Error);
        var summary = Summary().Match(run.Out);
        Assert.True(summary.Success, run.Out);
        Assert.True(long.Parse(summary.Groups["accepted"].Value) > 0);
        // At least the ballots after the close are refused (round-closed), besides repeats and unknown trainees.
        Assert.True(long.Parse(summary.Groups["intended"].Value) > 0);
        Assert.Equal("0", summary.Groups["other"].Value);
        Assert.Contains("spike+close", run.Out, StringComparison.Ordinal);
        Assert.Equal(4, run.OutLines.Count(line => RowStart().IsMatch(line)));
    }

    [Theory]
    [InlineData("--minutes", "1", "--minutes must be between 2 and 60")]
    [InlineData("--capacity", "0", "--capacity must be positive")]
    [InlineData("--minute-seconds", "0", "--minute-seconds must be at least 1")]
    public void Soak_settings_out_of_range_are_refused_with_a_message(string option, string value, string message)
    {
        var run = CliRun.Invoke("bench", "soak", option, value);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^soak: accepted=(?<accepted>\d+) intended_rejections=(?<intended>\d+) other_errors=(?<other>\d+) ", RegexOptions.Multiline)]
    private static partial Regex Summary();

    [GeneratedRegex(@"^│ [1-4]\s+│ (steady|spike|spike\+close)\s+│")]
    private static partial Regex RowStart();
}
