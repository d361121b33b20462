using System.Diagnostics;
using System.Globalization;

namespace KPops.Cli.Bench;

/// <summary>How one wrk run casts ballots.</summary>
/// <param name="Connections">Connections kept open (wrk <c>-c</c>).</param>
/// <param name="Duration">How long wrk runs.</param>
/// <param name="BallotsPerSecond">Paced rate over all threads; 0 sends as fast as the connections allow.</param>
/// <param name="Repeats">Share of requests that are a voter's second ballot (refused, <c>quota-exhausted</c>).</param>
/// <param name="Invalid">Share of requests naming an unknown trainee (refused, <c>unknown-trainee</c>).</param>
/// <param name="Classify">Read every answer to sort it into accepted / intended rejection / other.</param>
internal sealed record LoadShape(int Connections, TimeSpan Duration, double BallotsPerSecond = 0, double Repeats = 0, double Invalid = 0, bool Classify = false);

/// <summary>
/// Drives <see cref="BenchServer"/>'s ballot endpoint with wrk and <see cref="BallotScript"/>: voter tokens are minted
/// into per-thread files first (<see cref="PrepareTokens"/>), then wrk reads one per ballot.
/// </summary>
internal sealed class BallotLoad(BenchServer server, int threads) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("kpops-bench-load-").FullName;
    private int _batches;

    public int Threads => threads;

    /// <summary>Mints <paramref name="count"/> tokens into fresh per-thread files; returns their prefix for <see cref="RunAsync"/>.</summary>
    public string PrepareTokens(long count, TextWriter progress)
    {
        string prefix = Path.Combine(_work, $"tokens-{++_batches}-");
        var files = Enumerable.Range(1, threads).Select(t => prefix + t.ToString(CultureInfo.InvariantCulture) + ".txt").ToArray();
        var started = Stopwatch.GetTimestamp();
        server.WriteVoterTokens(files, Math.Max(count, threads));
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  minted {count:N0} voter tokens in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"));
        return prefix;
    }

    public async Task<WrkResult> RunAsync(string tokens, LoadShape shape, CancellationToken cancellationToken = default)
    {
        string script = Path.Combine(_work, "ballots.lua");
        if (!File.Exists(script))
        {
            await File.WriteAllTextAsync(script, BallotScript.Lua, cancellationToken);
        }

        var environment = new Dictionary<string, string>
        {
            ["KPOPS_TOKENS"] = tokens,
            ["KPOPS_PATH"] = $"/api/rounds/{BenchServer.RoundId}/ballots",
            ["KPOPS_TRAINEES"] = BenchSeason.Trainees.ToString(CultureInfo.InvariantCulture),
            ["KPOPS_RATE"] = (shape.BallotsPerSecond / threads).ToString("R", CultureInfo.InvariantCulture),
            ["KPOPS_REPEATS"] = shape.Repeats.ToString("R", CultureInfo.InvariantCulture),
            ["KPOPS_INVALID"] = shape.Invalid.ToString("R", CultureInfo.InvariantCulture),
            ["KPOPS_CLASSIFY"] = shape.Classify ? "1" : "0",
        };
        try
        {
            return await Wrk.RunAsync(server.Address, script, threads, Math.Max(shape.Connections, threads), shape.Duration, environment, cancellationToken);
        }
        finally
        {
            foreach (string file in Directory.EnumerateFiles(_work, Path.GetFileName(tokens) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }
}
