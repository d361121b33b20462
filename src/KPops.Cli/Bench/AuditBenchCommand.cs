using System.CommandLine;
using System.Globalization;
using KPops.Audit;
using KPops.Cli.Rendering;

namespace KPops.Cli.Bench;

/// <summary><c>kpops bench audit</c>: how fast <c>kpops audit</c> verifies and recounts a Boys Planet-sized round.</summary>
internal static class AuditBenchCommand
{
    public static Command Create()
    {
        var ballots = new Option<long>("--ballots") { Description = "Ballots in the generated log (Boys Planet's first vote had 52,434,522).", DefaultValueFactory = _ => 50_000_000 };
        var data = new Option<string?>("--data") { Description = "Directory for the generated log and its tiles (default: a temporary directory, removed afterwards)." };
        var reuse = new Option<bool>("--reuse") { Description = "Audit the log an earlier run kept in --data instead of generating one." };
        var command = new Command("audit", "Write a Boys Planet first-vote log (one round, two segments), export it as tiles, and time the audit over that directory.")
        {
            ballots, data, reuse,
        };
        command.SetCliAction((parse, console) =>
        {
            var count = parse.GetValue(ballots);
            if (count < 1)
            {
                throw new CliException("--ballots must be at least 1.", ExitCodes.Failure);
            }

            var directory = parse.GetValue(data);
            var again = parse.GetValue(reuse);
            if (again && (directory is null || !File.Exists(Path.Combine(directory, AuditBenchmark.KeyFileName))))
            {
                throw new CliException("--reuse needs --data naming the directory of an earlier run.", ExitCodes.Failure);
            }

            var temporary = directory is null;
            directory ??= Path.Combine(Path.GetTempPath(), "kpops-bench-audit-" + Guid.NewGuid().ToString("N"));
            if (!again && Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            {
                throw new CliException($"--data {directory} must be empty or not exist.", ExitCodes.Failure);
            }

            AuditBenchResult result;
            try
            {
                result = new AuditBenchmark(count, directory, Console.Error).RunAsync(again).GetAwaiter().GetResult();
            }
            finally
            {
                if (temporary && Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }

            Report(result, parse.InvocationConfiguration.Output);
            return result.Report.Verdict == AuditVerdict.Passed ? ExitCodes.Success : ExitCodes.InternalError;
        });
        return command;
    }

    private static void Report(AuditBenchResult r, TextWriter output)
    {
        static string F(double value) => value.ToString("N1", CultureInfo.InvariantCulture);
        var seconds = r.Report.Elapsed.TotalSeconds;
        var counted = r.Report.Recount?.Tallies?.BallotsCounted ?? 0;
        output.WriteLine(r.Generated == TimeSpan.Zero ? "log:        kept from an earlier run" : $"log:        {Numbers.Format(r.Accepted)} ballots written in {F(r.Generated.TotalSeconds)} s, exported as tiles in {F(r.Exported.TotalSeconds)} s ({Numbers.Format(r.TileBytes)} bytes)");
        output.WriteLine($"audit:      {r.Report.Verdict} in {F(seconds)} s; {Numbers.Format(r.Report.Recount?.EntriesRead ?? 0)} entries verified, {Numbers.Format(counted)} ballots recounted, {r.Report.Announcements.Count} announcement(s) compared");
        output.WriteLine($"throughput: {Numbers.Format((long)r.BallotsPerSecond)} ballots/s (wall)");
        output.WriteLine($"cpu:        {F(r.AuditCpu.TotalSeconds)} s user+sys ({F(r.AuditCpu.TotalSeconds * 1e6 / Math.Max(1, counted))} s per million ballots) on {Environment.ProcessorCount} cores");
        var idle = Math.Max(r.AuditCpu.TotalSeconds / Environment.ProcessorCount, r.BusiestThreadSeconds);
        output.WriteLine($"serial:     {F(r.BusiestThreadSeconds)} s CPU on the busiest thread (the in-order recount); on {Environment.ProcessorCount} idle cores the audit needs at least {F(idle)} s");
        output.WriteLine($"load:       {r.LoadBefore} before the audit, {r.LoadAfter} after (1, 5, 15 min)");
        foreach (var problem in r.Report.Problems.Take(5))
        {
            output.WriteLine($"problem:    [{problem.Code}] {problem.Message}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit_seconds={seconds:F1} ballots_per_s={r.BallotsPerSecond:F0}"));
    }
}
