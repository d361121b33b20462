using System.Diagnostics;
using System.Globalization;

namespace KPops.Cli.Bench;

/// <summary>The settings of one soak: how long, how hard, with how many connections.</summary>
/// <param name="Minutes">Reporting intervals ("minutes"); the last three are the spike, the round closes halfway through the last.</param>
/// <param name="MinuteSeconds">Length of one interval (60 for the real thing; shorter for a CI-sized run).</param>
/// <param name="Capacity">Ballots/s the machine takes, or null to measure it first (10 s, as fast as the connections go).</param>
/// <param name="Connections">wrk connections for the steady load and the capacity run.</param>
/// <param name="SpikeConnections">wrk connections during the spike.</param>
/// <param name="Threads">wrk threads.</param>
internal sealed record SoakSettings(int Minutes, int MinuteSeconds, double? Capacity, int Connections, int SpikeConnections, int Threads)
{
    public const int SpikeMinutes = 3;

    /// <summary>Steady load as a share of capacity (issue 7: 80 %).</summary>
    public const double SteadyShare = 0.8;

    /// <summary>The spike is ten times the steady load, as far as the machine takes it.</summary>
    public const double SpikeFactor = 10;

    public const double RepeatShare = 0.02;
    public const double InvalidShare = 0.01;

    public bool IsSpike(int minute) => minute > Minutes - Math.Min(SpikeMinutes, Minutes - 1);
}

/// <summary>One reporting interval of the soak.</summary>
internal sealed record SoakMinute(
    int Minute, string Phase, double TargetPerSecond, WrkResult Load, long LogGrowth, TimeSpan ServerCpu, long WorkingSetBytes, long GcHeapBytes, long QuotaBytes, bool Closed)
{
    /// <summary>Server CPU per request answered (accepted or refused), in microseconds.</summary>
    public double CpuMicrosPerRequest => ServerCpu.TotalMilliseconds * 1000 / Math.Max(1, Load.Requests);

    public long OtherErrors => Load.Other + Load.SocketErrors;
}

internal sealed record SoakResult(double Capacity, bool CapacityMeasured, IReadOnlyList<SoakMinute> Minutes, string LoadBefore, string LoadAfter)
{
    public long Accepted => Minutes.Sum(m => m.Load.Accepted);
    public long Intended => Minutes.Sum(m => m.Load.Intended);
    public long OtherErrors => Minutes.Sum(m => m.OtherErrors);
}

/// <summary>
/// A finale-shaped load on the real server over loopback: steady at 80 % of capacity, then a ten-fold spike for the
/// last three intervals, with the round closed halfway through the last one (late ballots are then refused
/// <c>round-closed</c>, as intended). Every request is one ballot with its own voter token, except the intended
/// rejections: 2 % a voter's second ballot, 1 % an unknown trainee. Each interval is its own wrk run, so each has
/// its own latency distribution; the server's memory is sampled at the end of each.
/// </summary>
internal sealed class SoakBenchmark(SoakSettings settings, TextWriter progress)
{
    private const double TokenMargin = 1.3;

    public async Task<SoakResult> RunAsync()
    {
        string loadBefore = LoadAverage.Now();
        await progress.WriteLineAsync("starting the KPops server on 127.0.0.1 (temporary data directory)...");
        await using var server = await BenchServer.StartAsync();
        using var load = new BallotLoad(server, settings.Threads);

        await progress.WriteLineAsync("warm-up: 3 s, 8 connections...");
        // 8 connections for 3 s take far fewer tokens than the capacity run; a given capacity bounds them better still.
        string warm = load.PrepareTokens(settings.Capacity is { } known ? Math.Min(30_000, (long)(known * 3 * TokenMargin) + 1000) : 30_000, progress);
        await load.RunAsync(warm, new LoadShape(8, TimeSpan.FromSeconds(3)));

        double capacity;
        if (settings.Capacity is { } given)
        {
            capacity = given;
        }
        else
        {
            await progress.WriteLineAsync($"capacity: 10 s as fast as {settings.Connections} connections go...");
            string tokens = load.PrepareTokens(200_000, progress);
            WrkResult measured = await load.RunAsync(tokens, new LoadShape(settings.Connections, TimeSpan.FromSeconds(10)));
            capacity = measured.Ok / measured.Seconds;
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"capacity: {capacity:N0} ballots/s"));
        }

        double steady = capacity * SoakSettings.SteadyShare;
        double spike = steady * SoakSettings.SpikeFactor;
        var step = TimeSpan.FromSeconds(settings.MinuteSeconds);

        // Tokens for every interval first, so minting takes nothing from the server during the soak.
        var tokenFiles = new string[settings.Minutes + 1];
        for (int minute = 1; minute <= settings.Minutes; minute++)
        {
            // More connections push more than the capacity run measured (batches fill better): room for 4× capacity.
            double budget = settings.IsSpike(minute) ? Math.Min(spike, capacity * 4) : steady;
            tokenFiles[minute] = load.PrepareTokens((long)(budget * settings.MinuteSeconds * TokenMargin) + 1000, progress);
        }

        var minutes = new List<SoakMinute>();
        bool closed = false;
        for (int minute = 1; minute <= settings.Minutes; minute++)
        {
            bool isSpike = settings.IsSpike(minute);
            bool closesNow = minute == settings.Minutes;
            var shape = new LoadShape(isSpike ? settings.SpikeConnections : settings.Connections, step, isSpike ? spike : steady,
                SoakSettings.RepeatShare, SoakSettings.InvalidShare, Classify: true);
            long sizeBefore = server.Pipeline.LogSize;
            TimeSpan cpuBefore = ProcessCpu.Now();
            Task<WrkResult> running = load.RunAsync(tokenFiles[minute], shape);
            if (closesNow)
            {
                // The finale's close, halfway through the last interval, while the spike goes on.
                await Task.Delay(step / 2);
                await server.CloseRoundAsync();
                closed = true;
            }

            WrkResult result = await running;
            TimeSpan cpu = ProcessCpu.Now() - cpuBefore;
            var (workingSet, heap) = Memory();
            var row = new SoakMinute(minute, isSpike ? (closesNow ? "spike+close" : "spike") : "steady", shape.BallotsPerSecond, result,
                server.Pipeline.LogSize - sizeBefore, cpu, workingSet, heap, server.Pipeline.QuotaResidentBytes, closed);
            minutes.Add(row);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {minute,2} {row.Phase,-11} {result.Accepted / result.Seconds,8:N0}/s accepted={result.Accepted:N0} intended={result.Intended:N0} " +
                $"other={row.OtherErrors:N0} p50={result.P50Ms:F1}ms p99={result.P99Ms:F1}ms ws={workingSet / 1e6:F0}MB heap={heap / 1e6:F0}MB"));
        }

        return new SoakResult(capacity, settings.Capacity is null, minutes, loadBefore, LoadAverage.Now());
    }

    /// <summary>The process working set and the GC heap after the last collection (no collection forced: a soak watches the live process).</summary>
    private static (long WorkingSet, long Heap) Memory()
    {
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes);
    }
}
