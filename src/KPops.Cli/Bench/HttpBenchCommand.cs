using System.CommandLine;
using System.Globalization;

namespace KPops.Cli.Bench;

/// <summary>
/// <c>kpops bench http</c>: the single-ballot endpoint of the real server on loopback under wrk — one ballot per
/// request, a voter of its own per ballot — against the empty-endpoint ceiling measured in the same run, then a
/// second run paced at 80 % of the measured rate for its latency.
/// </summary>
internal static class HttpBenchCommand
{
    /// <summary>Share of the measured rate the latency run is paced at (issue 4's target: p99 ≤ 50 ms at 80 %).</summary>
    public const double PacedShare = 0.8;

    public static Command Create()
    {
        var seconds = new Option<int>("--seconds") { Description = "How long each measured run lasts (the ceiling's too).", DefaultValueFactory = _ => 10 };
        var connections = new Option<int>("--connections") { Description = "wrk connections (the ceiling's run.sh default is 64).", DefaultValueFactory = _ => 64 };
        var threads = new Option<int>("--threads") { Description = "wrk threads (the ceiling uses 2).", DefaultValueFactory = _ => 2 };
        var baselines = new Option<string?>("--baselines") { Description = "The shared baselines directory (default: ../shared/baselines next to the repository)." };
        var command = new Command("http", "Cast ballots over HTTP at the real server on loopback with wrk; compare with the empty-endpoint ceiling in the same run.")
        {
            seconds, connections, threads, baselines,
        };
        command.SetCliAction((parse, console) =>
        {
            var settings = new HttpBenchSettings(
                Positive(parse.GetValue(seconds), "--seconds"),
                Positive(parse.GetValue(connections), "--connections"),
                Positive(parse.GetValue(threads), "--threads"),
                KestrelCeiling.FindBaselines(parse.GetValue(baselines))
                    ?? throw new CliException("the baselines directory was not found (give it with --baselines DIR; it holds kestrel-empty/run.sh)"));
            if (Wrk.Missing() is { } missing)
            {
                throw new CliException(missing);
            }

            var output = parse.InvocationConfiguration.Output;
            HttpBenchResult result = new HttpBenchmark(settings, Console.Error).RunAsync().GetAwaiter().GetResult();
            Report(result, settings, output);
            return result.Errors == 0 ? ExitCodes.Success : ExitCodes.InternalError;
        });
        return command;
    }

    internal static int Positive(int value, string name) =>
        value > 0 ? value : throw new CliException($"{name} must be at least 1.");

    private static void Report(HttpBenchResult r, HttpBenchSettings s, TextWriter output)
    {
        static string Ms(double value) => value.ToString("F2", CultureInfo.InvariantCulture) + " ms";
        static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
        double ratio = r.Full.Ok / r.Full.Seconds / r.Ceiling.RequestsPerSecond;
        output.WriteLine($"ceiling:   {N(r.Ceiling.RequestsPerSecond)} requests/s, p50 {Ms(r.Ceiling.P50Ms)}, p99 {Ms(r.Ceiling.P99Ms)} " +
            $"(kestrel-empty: do-nothing JSON POST, wrk -t2 -c{s.Connections}, {s.Seconds} s)");
        output.WriteLine($"ballots:   {N(r.Full.Ok / r.Full.Seconds)} ballots/s, p50 {Ms(r.Full.P50Ms)}, p99 {Ms(r.Full.P99Ms)} " +
            $"(POST /api/rounds/{BenchServer.RoundId}/ballots, a new voter token per ballot, durable receipt with inclusion proof; wrk -t{s.Threads} -c{s.Connections}, {s.Seconds} s)");
        output.WriteLine($"           {N(r.Full.Ok)} accepted, {N(r.Full.Non2xx)} non-200 answers, {N(r.Full.SocketErrors)} socket errors; log grew by {N(r.FullLogGrowth)} entries " +
            $"in {N(r.FullBatches)} commits ({r.FullLogGrowth / (double)Math.Max(1, r.FullBatches):F1} per commit)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"           server CPU {r.FullServerCpu.TotalMilliseconds * 1000 / Math.Max(1, r.FullLogGrowth):F1} µs per ballot " +
            $"({r.FullServerCpu.TotalSeconds / r.Full.Seconds:F2} cores on average; wrk runs in its own process; " +
            $"the JIT compiled {r.FullJitMethods:N0} methods during the run)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio:     {ratio:F2} of the ceiling (target ≥ 0.60)"));
        output.WriteLine($"at {PacedShare:P0}:    paced at {N(r.PacedTarget)} ballots/s (wrk's delay() hook on a monotonic clock, -c{s.Connections}): " +
            $"{N(r.Paced.Ok / r.Paced.Seconds)} ballots/s achieved, p50 {Ms(r.Paced.P50Ms)}, p99 {Ms(r.Paced.P99Ms)} (target p99 ≤ 50 ms); " +
            $"{N(r.Paced.Non2xx)} non-200, {N(r.Paced.SocketErrors)} socket errors");
        output.WriteLine($"machine:   {Environment.ProcessorCount} cores; load average {r.LoadBefore} before, {r.LoadAfter} after; " +
            $"server GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        if (r.Full.Exhausted + r.Paced.Exhausted > 0)
        {
            output.WriteLine("note:      a wrk thread ran out of voter tokens; the rates above are lower bounds.");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ballots_per_s={r.Full.Ok / r.Full.Seconds:F0} ratio={ratio:F2}"));
    }
}

internal sealed record HttpBenchSettings(int Seconds, int Connections, int Threads, string Baselines);

internal sealed record HttpBenchResult(
    CeilingResult Ceiling, WrkResult Full, long FullLogGrowth, long FullBatches, TimeSpan FullServerCpu, long FullJitMethods, double PacedTarget, WrkResult Paced, string LoadBefore, string LoadAfter)
{
    public long Errors => Full.Non2xx + Full.SocketErrors + Paced.Non2xx + Paced.SocketErrors;
}

/// <summary>The steps of <c>kpops bench http</c>: ceiling, server, warm-up, full load, paced load.</summary>
internal sealed class HttpBenchmark(HttpBenchSettings settings, TextWriter progress)
{
    /// <summary>Spare voter tokens over the rate they are sized for.</summary>
    private const double TokenMargin = 1.25;

    /// <summary>Most warm-up rounds (3 s each) before the measured run.</summary>
    private const int MaxWarmUpRounds = 6;

    /// <summary>A warm-up round compiling at most this many methods ends the warm-up.</summary>
    private const int SettledMethodsPerRound = 25;

    public async Task<HttpBenchResult> RunAsync()
    {
        string loadBefore = LoadAverage.Now();
        await progress.WriteLineAsync($"ceiling: kestrel-empty/run.sh {settings.Seconds} {settings.Connections} (publishes the empty app first)...");
        CeilingResult ceiling = await KestrelCeiling.RunAsync(settings.Baselines, settings.Seconds, settings.Connections, progress);

        await progress.WriteLineAsync("starting the KPops server on 127.0.0.1 (temporary data directory)...");
        await using var server = await BenchServer.StartAsync();
        using var load = new BallotLoad(server, settings.Threads);
        var duration = TimeSpan.FromSeconds(settings.Seconds);

        // Minted before the warm-up: minting runs in this process, and its code being compiled must not land in the
        // measured run.
        string fullTokens = load.PrepareTokens((long)(ceiling.RequestsPerSecond * settings.Seconds * TokenMargin), progress);
        await WarmUpAsync(load, ceiling);

        await progress.WriteLineAsync($"ballots: {settings.Seconds} s, {settings.Connections} connections, as fast as they go...");
        long sizeBefore = server.Pipeline.LogSize;
        TimeSpan cpuBefore = ProcessCpu.Now();
        long methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        // Commits during the run: with the ballots, how many share each commit's sync and signature.
        long batches = 0;
        void CountBatch(int size) => Interlocked.Increment(ref batches);
        server.Pipeline.BatchCommitted += CountBatch;
        WrkResult full = await load.RunAsync(fullTokens, new LoadShape(settings.Connections, duration));
        server.Pipeline.BatchCommitted -= CountBatch;
        TimeSpan cpu = ProcessCpu.Now() - cpuBefore;
        long jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;
        long growth = server.Pipeline.LogSize - sizeBefore;

        double target = full.Ok / full.Seconds * HttpBenchCommand.PacedShare;
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"paced: {settings.Seconds} s at {target:N0} ballots/s..."));
        string pacedTokens = load.PrepareTokens((long)(target * settings.Seconds * TokenMargin), progress);
        WrkResult paced = await load.RunAsync(pacedTokens, new LoadShape(settings.Connections, duration, target));
        return new HttpBenchResult(ceiling, full, growth, Interlocked.Read(ref batches), cpu, jitMethods, target, paced, loadBefore, LoadAverage.Now());
    }

    /// <summary>
    /// Runs the measured shape (same connections) in rounds until the JIT has settled: tiered compilation keeps
    /// recompiling hot methods (instrumented, then optimized) for several seconds under load, and that compiler time
    /// is a start-up cost, not a cost per ballot. Stops after a round in which at most
    /// <see cref="SettledMethodsPerRound"/> methods were compiled, or after <see cref="MaxWarmUpRounds"/> rounds.
    /// </summary>
    private async Task WarmUpAsync(BallotLoad load, CeilingResult ceiling)
    {
        var round = TimeSpan.FromSeconds(3);
        for (int i = 1; i <= MaxWarmUpRounds; i++)
        {
            string tokens = load.PrepareTokens((long)(ceiling.RequestsPerSecond * round.TotalSeconds * TokenMargin), progress);
            long methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            TimeSpan jitBefore = System.Runtime.JitInfo.GetCompilationTime();
            await load.RunAsync(tokens, new LoadShape(settings.Connections, round));
            long methods = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;
            TimeSpan jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"warm-up {i}: 3 s, {settings.Connections} connections; the JIT compiled {methods} methods ({jit.TotalMilliseconds:F0} ms)"));
            if (methods <= SettledMethodsPerRound)
            {
                return;
            }
        }
    }
}

/// <summary>CPU time this process has used (the server, when the benchmark hosts it and wrk runs apart).</summary>
internal static class ProcessCpu
{
    public static TimeSpan Now()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}

/// <summary>The machine's load average, as <c>uptime</c> shows it.</summary>
internal static class LoadAverage
{
    public static string Now() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
