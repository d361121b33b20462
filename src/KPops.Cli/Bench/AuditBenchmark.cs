using System.Diagnostics;
using KPops.Audit;
using KPops.Format;
using KPops.Format.Ranking;
using KPops.Log;
using KPops.Voting;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Cli.Bench;

/// <summary>What one run of the audit benchmark measured.</summary>
internal sealed record AuditBenchResult(
    long Ballots,
    long Accepted,
    TimeSpan Generated,
    TimeSpan Exported,
    long TileBytes,
    AuditReport Report,
    TimeSpan AuditCpu,
    double BusiestThreadSeconds,
    string LoadBefore,
    string LoadAfter)
{
    public double BallotsPerSecond => Report.Recount?.Tallies?.BallotsCounted / Report.Elapsed.TotalSeconds ?? 0;
}

/// <summary>
/// Writes a Boys Planet first-vote log (preset <c>boys-planet</c>, round <c>vote-1</c>, two segments) through the
/// ballot pipeline with <see cref="FileLogStorage"/>, publishes the first ranking from the pipeline's own tallies,
/// exports the log as static tiles (what a mirror serves), and times <see cref="LogAuditor"/> over that directory:
/// checkpoint, every tile and entry verified, every ballot recounted, the announcement compared.
/// </summary>
internal sealed class AuditBenchmark(long ballots, string directory, TextWriter progress)
{
    /// <summary>The verifier key of the generated log, kept next to its tiles so a kept directory can be audited again.</summary>
    public const string KeyFileName = "verifier.key";

    private const int ChunkSize = 4096;
    private const int ChunksInFlight = 16;
    private const string Origin = "kpops.bench/audit";

    public async Task<AuditBenchResult> RunAsync(bool reuse)
    {
        var tilesDirectory = Path.Combine(directory, "tiles");
        if (reuse)
        {
            var key = File.ReadAllText(Path.Combine(directory, KeyFileName)).Trim();
            if (!NoteVerifier.TryParse(key, out var verifier, out var error))
            {
                throw new CliException($"{KeyFileName}: {error}", ExitCodes.Failure);
            }

            var tiles = await AuditAsync(tilesDirectory, verifier);
            return tiles with { Ballots = tiles.Report.Recount?.Tallies?.BallotsCounted ?? 0 };
        }

        var logDirectory = Path.Combine(directory, "log");
        using var signer = NoteSigner.Generate(Origin);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, KeyFileName), signer.Verifier.KeyText + "\n");

        var started = Stopwatch.GetTimestamp();
        long accepted;
        using (var storage = FileLogStorage.Open(logDirectory))
        {
            accepted = await WriteLogAsync(storage, signer);
        }

        var generated = Stopwatch.GetElapsedTime(started);
        await progress.WriteLineAsync("exporting the log as tiles...");
        started = Stopwatch.GetTimestamp();
        using (var storage = FileLogStorage.Open(logDirectory))
        {
            await FileTileExporter.ExportAsync(new StorageTileSource(storage), tilesDirectory);
        }

        var exported = Stopwatch.GetElapsedTime(started);
        Directory.Delete(logDirectory, recursive: true);
        var tileBytes = new DirectoryInfo(tilesDirectory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

        var audit = await AuditAsync(tilesDirectory, signer.Verifier);
        return audit with { Ballots = ballots, Accepted = accepted, Generated = generated, Exported = exported, TileBytes = tileBytes };
    }

    private async Task<AuditBenchResult> AuditAsync(string tilesDirectory, NoteVerifier verifier)
    {
        await progress.WriteLineAsync("auditing...");
        GC.Collect();
        var loadBefore = LoadAverage();
        var cpuBefore = CpuTime();
        var threadsBefore = AuditThreadTimes.Snapshot();
        var auditor = new LogAuditor(new DirectoryTileSource(tilesDirectory), verifier) { SourceName = tilesDirectory };
        var report = await auditor.RunAsync();
        var auditCpu = CpuTime() - cpuBefore;
        var busiest = AuditThreadTimes.BusiestThread(threadsBefore, AuditThreadTimes.Snapshot());
        return new AuditBenchResult(0, 0, TimeSpan.Zero, TimeSpan.Zero, 0, report, auditCpu, busiest, loadBefore, LoadAverage());
    }

    private async Task<long> WriteLogAsync(FileLogStorage storage, NoteSigner signer)
    {
        var season = Presets.Load("boys-planet");
        var options = new BallotPipelineOptions
        {
            QueueCapacity = ChunkSize * ChunksInFlight * 2,
            ExpectedBallots = (int)Math.Min(int.MaxValue, ballots),
        };
        long accepted = 0;
        await using var pipeline = BallotPipeline.Open(storage, signer, Origin, season, options);
        var generator = new AuditBenchBallots(pipeline.Season, ballots);
        var submitter = new ChunkedSubmitter(ChunkSize, ChunksInFlight)
        {
            ProgressEveryChunks = 512,
            Progress = submitted => progress.WriteAsync($"\r{submitted:N0} ballots written"),
        };
        await submitter.RunAsync(ballots, generator.Fill, pipeline.SubmitManyAsync, outcomes => accepted += Accepted(outcomes));

        await progress.WriteLineAsync();
        if (accepted != ballots)
        {
            throw new CliException($"The pipeline accepted {accepted:N0} of {ballots:N0} generated ballots: the generator is wrong.", ExitCodes.InternalError);
        }

        // The show publishes the ranking the pipeline counted, so an honest audit must reproduce it exactly.
        var ranking = RankingEngine.Rank(season, "ranking-1", pipeline.Tallies, new Dictionary<string, AnnouncementResult>());
        var published = await pipeline.AppendAsync(PublishedRankings.ToEntry(pipeline.Season, ranking));
        if (published.Status != SubmitStatus.Accepted)
        {
            throw new CliException($"Publishing the ranking failed: {published.Problem}", ExitCodes.InternalError);
        }

        return accepted;
    }

    private static long Accepted(ReadOnlySpan<BallotOutcome> outcomes)
    {
        long accepted = 0;
        foreach (ref readonly var outcome in outcomes)
        {
            if (outcome.Status == SubmitStatus.Accepted)
            {
                accepted++;
            }
        }

        return accepted;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
