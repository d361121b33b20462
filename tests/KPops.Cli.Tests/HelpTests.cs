using Xunit;

namespace KPops.Cli.Tests;

public sealed class HelpTests
{
    [Fact]
    public void Root_help_lists_every_command()
    {
        var run = CliRun.Invoke("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "presets", "season", "simulate" })
        {
            Assert.Contains(command, run.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("presets")]
    [InlineData("season")]
    [InlineData("season", "validate")]
    [InlineData("season", "show")]
    [InlineData("simulate")]
    public void Every_command_has_help_with_its_usage(params string[] command)
    {
        var run = CliRun.Invoke([.. command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        // The usage line starts with the executable's name, which is the test host here.
        Assert.Contains($" {string.Join(' ', command)} ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_help_documents_its_options_and_defaults()
    {
        var run = CliRun.Invoke("simulate", "--help");

        foreach (var option in new[] { "--preset", "--season", "--fans", "--seed", "--top", "[default: 10000]" })
        {
            Assert.Contains(option, run.Out, StringComparison.Ordinal);
        }
    }
}
