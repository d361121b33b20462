using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace KPops.Cli.Bench;

/// <summary>
/// <c>kpops bench soak</c>: a finale-shaped load on the real server over loopback (steady at 80 % of capacity, a
/// ten-fold spike before the close, then the close), reported per minute: ballots accepted, intended rejections, other
/// errors (must be 0), p50/p99 latency and the server's memory.
/// </summary>
internal static class SoakBenchCommand
{
    public static Command Create()
    {
        var minutes = new Option<int>("--minutes") { Description = "Length of the soak in reporting intervals (2-60); the last three are the spike and the close.", DefaultValueFactory = _ => 10 };
        var minuteSeconds = new Option<int>("--minute-seconds") { Description = "Seconds per reporting interval (60; shorter for a quick run).", DefaultValueFactory = _ => 60 };
        var capacity = new Option<double?>("--capacity") { Description = "Ballots/s the machine takes (default: measured first, 10 s as fast as the connections go)." };
        var connections = new Option<int>("--connections") { Description = "wrk connections for the steady load and the capacity run.", DefaultValueFactory = _ => 64 };
        var spikeConnections = new Option<int>("--spike-connections") { Description = "wrk connections during the spike.", DefaultValueFactory = _ => 256 };
        var threads = new Option<int>("--threads") { Description = "wrk threads.", DefaultValueFactory = _ => 2 };
        var command = new Command("soak", "A finale-shaped load on the real server over loopback, reported per minute; fails on any error other than intended rejections.")
        {
            minutes, minuteSeconds, capacity, connections, spikeConnections, threads,
        };
        command.SetCliAction((parse, console) =>
        {
            int count = parse.GetValue(minutes);
            if (count is < 2 or > 60)
            {
                throw new CliException("--minutes must be between 2 and 60.");
            }

            if (parse.GetValue(capacity) is <= 0)
            {
                throw new CliException("--capacity must be positive.");
            }

            var settings = new SoakSettings(count, HttpBenchCommand.Positive(parse.GetValue(minuteSeconds), "--minute-seconds"), parse.GetValue(capacity),
                HttpBenchCommand.Positive(parse.GetValue(connections), "--connections"),
                HttpBenchCommand.Positive(parse.GetValue(spikeConnections), "--spike-connections"),
                HttpBenchCommand.Positive(parse.GetValue(threads), "--threads"));
            if (Wrk.Missing() is { } missing)
            {
                throw new CliException(missing);
            }

            SoakResult result = new SoakBenchmark(settings, Console.Error).RunAsync().GetAwaiter().GetResult();
            Report(console, result, settings, parse.InvocationConfiguration.Output);
            return result.OtherErrors == 0 ? ExitCodes.Success : ExitCodes.InternalError;
        });
        return command;
    }

    private static void Report(CliConsole console, SoakResult r, SoakSettings s, TextWriter output)
    {
        static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
        static string F1(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
        static string Mb(long bytes) => (bytes / 1e6).ToString("F0", CultureInfo.InvariantCulture);
        output.WriteLine($"capacity: {N(r.Capacity)} ballots/s ({(r.CapacityMeasured ? "measured: 10 s as fast as the connections go" : "given")}); " +
            $"steady {N(r.Capacity * SoakSettings.SteadyShare)}/s on {s.Connections} connections, spike {N(r.Capacity * SoakSettings.SteadyShare * SoakSettings.SpikeFactor)}/s " +
            $"asked on {s.SpikeConnections} connections (capped by what the machine takes); {s.MinuteSeconds} s per row");
        var table = new Table().AddColumns(
            "minute", "phase", "target/s", "accepted/s", "accepted", "intended rejections", "other errors", "p50 ms", "p99 ms", "CPU µs/request", "working set MB", "GC heap MB", "quota tables MB");
        foreach (var m in r.Minutes)
        {
            table.AddRow(
                m.Minute.ToString(CultureInfo.InvariantCulture), m.Phase, N(m.TargetPerSecond), N(m.Load.Accepted / m.Load.Seconds), N(m.Load.Accepted),
                N(m.Load.Intended), N(m.OtherErrors) + (m.Load.Statuses.Length > 0 ? $" ({Markup.Escape(m.Load.Statuses)})" : ""),
                F1(m.Load.P50Ms), F1(m.Load.P99Ms), F1(m.CpuMicrosPerRequest), Mb(m.WorkingSetBytes), Mb(m.GcHeapBytes), Mb(m.QuotaBytes));
        }

        console.Out.Write(table);
        SoakMinute first = r.Minutes[0];
        SoakMinute last = r.Minutes[^1];
        output.WriteLine($"memory: GC heap {Mb(first.GcHeapBytes)} → {Mb(last.GcHeapBytes)} MB, of which quota/idempotency tables {Mb(first.QuotaBytes)} → {Mb(last.QuotaBytes)} MB " +
            $"(they hold every accepted voter by design); working set {Mb(first.WorkingSetBytes)} → {Mb(last.WorkingSetBytes)} MB");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores; load average {r.LoadBefore} before, {r.LoadAfter} after");
        if (r.Minutes.Any(m => m.Load.Exhausted > 0))
        {
            output.WriteLine("note: a wrk thread ran out of voter tokens in some interval; its figures are lower bounds.");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak: accepted={r.Accepted} intended_rejections={r.Intended} other_errors={r.OtherErrors} max_p99_ms={r.Minutes.Max(m => m.Load.P99Ms):F1}"));
    }
}
