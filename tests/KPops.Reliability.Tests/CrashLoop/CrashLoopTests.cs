using System.Globalization;

namespace KPops.Reliability.Tests.CrashLoop;

/// <summary>
/// The crash loop in the test command: a handful of SIGKILLs (<c>KPOPS_CRASH_ROUNDS</c>, default 3). The full run is the
/// same test with <c>KPOPS_CRASH_ROUNDS=100</c> (tools/reliability/crash-loop.sh); its figures are in docs/reliability.md.
/// </summary>
public sealed class CrashLoopTests
{
    [Fact]
    public async Task Server_killed_mid_load_loses_no_acknowledged_ballot_and_serves_a_log_that_verifies()
    {
        int kills = ReadInt("KPOPS_CRASH_ROUNDS", 3);
        int seed = ReadInt("KPOPS_CRASH_SEED", Environment.TickCount & 0xffff);
        var output = TestContext.Current.TestOutputHelper;
        var run = new CrashLoopRun(kills, seed, line => output?.WriteLine(line));

        CrashLoopReport report = await run.RunAsync(TestContext.Current.CancellationToken);

        output?.WriteLine(report.ToString());
        string? reportFile = Environment.GetEnvironmentVariable("KPOPS_CRASH_REPORT");
        if (!string.IsNullOrEmpty(reportFile))
        {
            await File.WriteAllTextAsync(reportFile, report + "\n", TestContext.Current.CancellationToken);
        }

        Assert.True(report.VerificationFailures == 0, $"{report}\n{string.Join('\n', report.Failures)}");
        Assert.Equal(0, report.BallotsLost);
        Assert.Equal(kills, report.Kills);
        Assert.True(report.ReceiptsHeld > 0, $"No ballot was acknowledged: the loop tested nothing. {report}");
    }

    private static int ReadInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;
}
