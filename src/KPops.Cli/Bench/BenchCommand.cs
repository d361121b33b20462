using System.CommandLine;
using System.Globalization;
using KPops.Cli.Rendering;

namespace KPops.Cli.Bench;

/// <summary><c>kpops bench engine</c>: the ballot pipeline's throughput, latency, memory and replay time, against the baselines.</summary>
internal static class BenchCommand
{
    private static readonly string[] Baselines = ["pg-batched", "redis-always"];

    public static Command Create()
    {
        var ballots = new Option<long>("--ballots") { Description = "Synthetic ballots to push through the pipeline.", DefaultValueFactory = _ => 10_000_000 };
        var data = new Option<string?>("--data") { Description = "Directory for the log (default: a temporary directory, removed afterwards)." };
        var batch = new Option<int>("--batch") { Description = "MaxBatchSize of the pipeline.", DefaultValueFactory = _ => 8192 };
        var eager = new Option<bool>("--eager-receipts") { Description = "Materialize every receipt's inclusion proof in the sequencer." };
        var noBaselines = new Option<bool>("--no-baselines") { Description = "Skip the PostgreSQL and Redis baselines." };
        var baselineSeconds = new Option<int>("--baseline-seconds") { Description = "How long each baseline runs.", DefaultValueFactory = _ => 10 };
        var engine = new Command("engine", "Push synthetic ballots through the full pipeline with durable batches and receipts; compare with the baselines.")
        {
            ballots, data, batch, eager, noBaselines, baselineSeconds,
        };
        engine.SetCliAction((parse, console) =>
        {
            var count = parse.GetValue(ballots);
            if (count < 1)
            {
                throw new CliException("--ballots must be at least 1.", ExitCodes.Failure);
            }

            var directory = parse.GetValue(data);
            var temporary = directory is null;
            directory ??= Path.Combine(Path.GetTempPath(), "kpops-bench-" + Guid.NewGuid().ToString("N"));
            if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            {
                throw new CliException($"--data {directory} must be empty or not exist.", ExitCodes.Failure);
            }

            EngineResult result;
            try
            {
                result = new EngineBenchmark(count, directory, parse.GetValue(batch), parse.GetValue(eager), Console.Error).RunAsync().GetAwaiter().GetResult();
            }
            finally
            {
                if (temporary && Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }

            var output = parse.InvocationConfiguration.Output;
            Report(result, output);
            if (!parse.GetValue(noBaselines))
            {
                CompareWithBaselines(result, parse.GetValue(baselineSeconds), output);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ballots_per_s={result.BallotsPerSecond:F0}"));
            return result.Unexpected == 0 ? ExitCodes.Success : ExitCodes.InternalError;
        });
        return new Command("bench", "Benchmarks.") { engine, AuditBenchCommand.Create(), HttpBenchCommand.Create(), SoakBenchCommand.Create(), PartnerBenchCommand.Create() };
    }

    private static void Report(EngineResult r, TextWriter output)
    {
        static string F(double value) => value.ToString("N1", CultureInfo.InvariantCulture);
        var perBallot = (double)Math.Max(1, r.Accepted);
        output.WriteLine($"ballots:            {Numbers.Format(r.Ballots)} ({Numbers.Format(r.Accepted)} accepted, {Numbers.Format(r.Rejected)} repeats rejected, {Numbers.Format(r.Unexpected)} unexpected)");
        output.WriteLine($"elapsed:            {F(r.Elapsed.TotalSeconds)} s (FileLogStorage, one signed checkpoint and one commit per batch, receipts for every ballot)");
        output.WriteLine($"throughput:         {Numbers.Format((long)r.BallotsPerSecond)} ballots/s");
        output.WriteLine($"cpu:                {F(r.CpuTime.TotalSeconds)} s for the whole process ({F(r.CpuTime.TotalMilliseconds * 1e6 / r.Ballots)} ns per ballot; " +
            $"{Numbers.Format((long)(r.Ballots / Math.Max(r.CpuTime.TotalSeconds, 1e-9)))} ballots per CPU-second); load average {LoadAverage()}");
        output.WriteLine($"time to receipt:    p50 {F(r.P50Ms)} ms, p99 {F(r.P99Ms)} ms (every 64th ballot, submit to outcome)");
        output.WriteLine($"resident per ballot: {F(r.ManagedBytesDelta / perBallot)} B managed heap (GC.GetTotalMemory after full GC, pipeline still open), " +
            $"{F(r.WorkingSetDelta / perBallot)} B working set; quota/idempotency tables {F(r.QuotaBytes / perBallot)} B");
        output.WriteLine($"allocated:          {F(r.AllocatedBytes / (double)r.Ballots)} B per ballot, whole process during the run (per-batch buffers, tiles, signatures)");
        output.WriteLine($"log on disk:        {Numbers.Format(r.LogBytes)} bytes ({F(r.LogBytes / perBallot)} B per entry)");
        output.WriteLine($"replay:             {Numbers.Format(r.Replay.Entries)} entries in {F(r.Replay.Elapsed.TotalSeconds)} s " +
            $"({Numbers.Format((long)(r.Replay.Entries / Math.Max(r.Replay.Elapsed.TotalSeconds, 1e-9)))} entries/s); re-open total {F(r.ReopenElapsed.TotalSeconds)} s");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static void CompareWithBaselines(EngineResult result, int seconds, TextWriter output)
    {
        var script = BaselineRunner.FindScript();
        if (script is null)
        {
            output.WriteLine("baselines:          skipped: shared/baselines/run.sh not found above the current directory");
            return;
        }

        if (BaselineRunner.MissingPrerequisite() is { } missing)
        {
            output.WriteLine($"baselines:          skipped: {missing}");
            return;
        }

        foreach (var baseline in Baselines)
        {
            var theirs = BaselineRunner.Run(script, baseline, seconds, Console.Error, out var problem);
            output.WriteLine(theirs is { } rate
                ? string.Create(CultureInfo.InvariantCulture, $"baseline {baseline}: {rate:F0} ballots/s; ours/theirs = {result.BallotsPerSecond / rate:F1}x")
                : $"baseline {baseline}: failed: {problem}");
        }
    }
}
