using System.CommandLine;
using System.Globalization;
using KPops.Cli.Rendering;

namespace KPops.Cli.Bench;

/// <summary><c>kpops bench partner</c>: signed partner batches against the real server on loopback.</summary>
internal static class PartnerBenchCommand
{
    public static Command Create()
    {
        var seconds = new Option<int>("--seconds") { Description = "How long to send batches.", DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch") { Description = "Ballots per batch (request).", DefaultValueFactory = _ => 10_000 };
        var connections = new Option<int>("--connections") { Description = "Batches in flight at once.", DefaultValueFactory = _ => 4 };
        var command = new Command("partner", "Drive the partner batch endpoint (HMAC-signed batches of distinct subscribers) on 127.0.0.1 for a bounded time.")
        {
            seconds, batch, connections,
        };
        command.SetCliAction((parse, console) =>
        {
            int duration = parse.GetValue(seconds), size = parse.GetValue(batch), parallel = parse.GetValue(connections);
            if (duration is < 1 or > 3600 || size is < 1 or > 100_000 || parallel is < 1 or > 256)
            {
                throw new CliException("--seconds must be 1-3600, --batch 1-100000 and --connections 1-256.", ExitCodes.Failure);
            }

            var result = new PartnerBenchmark(TimeSpan.FromSeconds(duration), size, parallel, Console.Error).RunAsync().GetAwaiter().GetResult();
            var output = parse.InvocationConfiguration.Output;
            static string F(double value) => value.ToString("N1", CultureInfo.InvariantCulture);
            output.WriteLine($"batches:       {Numbers.Format(result.Batches)} of {Numbers.Format(size)} ballots over {parallel} connections in {F(result.Elapsed.TotalSeconds)} s");
            output.WriteLine($"ballots:       {Numbers.Format(result.Ballots)} sent, {Numbers.Format(result.Accepted)} accepted, {Numbers.Format(result.Unexpected)} not accepted");
            output.WriteLine($"throughput:    {Numbers.Format((long)result.BallotsPerSecond)} accepted ballots/s (durable, in the log, answered per ballot)");
            output.WriteLine($"cpu:           {F(result.CpuTime.TotalSeconds)} s for the whole process, server and load generator ({Numbers.Format((long)result.BallotsPerCpuSecond)} ballots per CPU-second); load average {LoadAverage()}");
            output.WriteLine($"per batch:     p50 {F(result.P50Ms)} ms, p99 {F(result.P99Ms)} ms (request sent to answer read)");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"partner_ballots_per_s={result.BallotsPerSecond:F0}"));
            return result.Unexpected == 0 ? ExitCodes.Success : ExitCodes.InternalError;
        });
        return command;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
