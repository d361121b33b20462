using System.Diagnostics;
using System.Runtime.CompilerServices;
using KPops.Log;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Cli.Bench;

/// <summary>What one run of the engine benchmark measured.</summary>
internal sealed record EngineResult(
    long Ballots,
    long Accepted,
    long Rejected,
    long Unexpected,
    TimeSpan Elapsed,
    double P50Ms,
    double P99Ms,
    long ManagedBytesDelta,
    long WorkingSetDelta,
    long QuotaBytes,
    long AllocatedBytes,
    long LogBytes,
    ReplayStatistics Replay,
    TimeSpan ReopenElapsed,
    TimeSpan CpuTime)
{
    public double BallotsPerSecond => Ballots / Elapsed.TotalSeconds;
}

/// <summary>
/// Pushes synthetic ballots through the whole pipeline — bounded queue, batcher, sequencer, FileLogStorage with an
/// fsync and a signed checkpoint per batch, receipts — in chunks through <see cref="BallotPipeline.SubmitManyAsync"/>,
/// keeping many chunks in flight like a busy front end would; then re-opens the log and times the replay.
/// </summary>
internal sealed class EngineBenchmark(long ballots, string dataDirectory, int maxBatchSize, bool eagerReceipts, TextWriter progress)
{
    private const int ChunkSize = 1024;
    private const int ChunksInFlight = 32;
    private const int SampleEvery = 64;
    private const string Origin = "kpops.bench/engine";

    private readonly long[] _latencyTicks = new long[(ballots / SampleEvery) + ChunkSize];
    private int _samples;

    public async Task<EngineResult> RunAsync()
    {
        var season = BenchSeason.Create();
        var generator = new SyntheticBallots(BenchSeason.Trainees, 0.05, BenchSeason.Opens.AddDays(1).ToUnixTimeMilliseconds());
        using var signer = NoteSigner.Generate(Origin);
        var memoryBefore = MeasureMemory();
        (long Managed, long WorkingSet) memoryAfter;
        var options = new BallotPipelineOptions
        {
            MaxBatchSize = maxBatchSize,
            EagerReceipts = eagerReceipts,
            QueueCapacity = ChunkSize * ChunksInFlight * 2,
            ExpectedBallots = (int)Math.Min(int.MaxValue, ballots),
        };

        long accepted = 0, rejected = 0, unexpected = 0, quotaBytes, allocated;
        TimeSpan elapsed, cpu;
        var storage = FileLogStorage.Open(dataDirectory);
        await using (var pipeline = BallotPipeline.Open(storage, signer, Origin, season, options))
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = CpuTime();
            var started = Stopwatch.GetTimestamp();
            var submitter = new ChunkedSubmitter(ChunkSize, ChunksInFlight)
            {
                ProgressEveryChunks = 2048,
                Progress = submitted => progress.WriteAsync($"\r{submitted:N0} ballots submitted"),
            };
            await submitter.RunAsync(ballots, generator.Fill, (chunk, outcomes) => SubmitChunk(pipeline, chunk, outcomes),
                outcomes => Tally(outcomes, ref accepted, ref rejected, ref unexpected));

            elapsed = Stopwatch.GetElapsedTime(started);
            cpu = CpuTime() - cpuBefore;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            quotaBytes = pipeline.QuotaResidentBytes;
            await progress.WriteLineAsync();
            if (rejected != generator.Repeats)
            {
                unexpected += Math.Abs(rejected - generator.Repeats);
            }

            // Memory is measured with the pipeline still holding everything it keeps per ballot.
            memoryAfter = MeasureMemory();
        }

        storage.Dispose();
        var logBytes = Directory.EnumerateFiles(dataDirectory).Sum(f => new FileInfo(f).Length);

        await progress.WriteLineAsync("replaying the log written...");
        var reopenStarted = Stopwatch.GetTimestamp();
        using var reopenedStorage = FileLogStorage.Open(dataDirectory);
        ReplayStatistics replay;
        await using (var reopened = BallotPipeline.Open(reopenedStorage, signer, Origin, options: options))
        {
            replay = reopened.StartupReplay;
            if (reopened.Tallies.BallotsCounted != accepted)
            {
                unexpected++;
            }
        }

        var reopenElapsed = Stopwatch.GetElapsedTime(reopenStarted);
        var (p50, p99) = Percentiles();
        return new EngineResult(ballots, accepted, rejected, unexpected, elapsed, p50, p99,
            memoryAfter.Managed - memoryBefore.Managed, memoryAfter.WorkingSet - memoryBefore.WorkingSet,
            quotaBytes, allocated, logBytes, replay, reopenElapsed, cpu);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SubmitChunk(BallotPipeline pipeline, ReadOnlyMemory<Ballot> ballots, Memory<BallotOutcome> outcomes)
    {
        var started = Stopwatch.GetTimestamp();
        await pipeline.SubmitManyAsync(ballots, outcomes);
        var took = Stopwatch.GetTimestamp() - started;
        // One sample per 64 ballots; every ballot of a chunk waited about as long as the chunk did.
        for (var i = 0; i < ballots.Length; i += SampleEvery)
        {
            var at = Interlocked.Increment(ref _samples) - 1;
            if (at < _latencyTicks.Length)
            {
                _latencyTicks[at] = took;
            }
        }
    }

    private static void Tally(ReadOnlySpan<BallotOutcome> outcomes, ref long accepted, ref long rejected, ref long unexpected)
    {
        foreach (ref readonly var outcome in outcomes)
        {
            switch (outcome.Status)
            {
                case SubmitStatus.Accepted:
                    accepted++;
                    break;
                case SubmitStatus.Rejected when outcome.Reason == Voting.Ballots.BallotCheck.QuotaExhausted:
                    rejected++;
                    break;
                default:
                    unexpected++;
                    break;
            }
        }
    }

    private (double P50, double P99) Percentiles()
    {
        var count = Math.Min(_samples, _latencyTicks.Length);
        if (count == 0)
        {
            return (0, 0);
        }

        var samples = _latencyTicks.AsSpan(0, count);
        samples.Sort();
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        return (Ms(samples[count / 2]), Ms(samples[Math.Min(count - 1, (int)(count * 0.99))]));
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static (long Managed, long WorkingSet) MeasureMemory()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (managed, process.WorkingSet64);
    }
}
