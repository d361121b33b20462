using KPops.Format;
using Xunit;

namespace KPops.Cli.Tests;

public sealed class PresetsCommandTests
{
    [Fact]
    public void Presets_lists_every_builtin_preset_with_its_name()
    {
        var run = CliRun.Invoke("presets");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["american-idol", "boys-planet", "eurovision", "produce-101-s2", "produce-x-101"], Presets.Names);
        foreach (var name in Presets.Names)
        {
            Assert.Contains(name, run.Out, StringComparison.Ordinal);
            Assert.Contains(Presets.Load(name).Name.En, run.Out, StringComparison.Ordinal);
        }
    }
}
