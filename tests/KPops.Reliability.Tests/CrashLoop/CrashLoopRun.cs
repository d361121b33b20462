using System.Diagnostics;
using System.Net;
using KPops.Log;
using KPops.Reliability.Tests.Infrastructure;

namespace KPops.Reliability.Tests.CrashLoop;

/// <summary>The figures of a crash loop run (docs/reliability.md records the full run's).</summary>
internal sealed record CrashLoopReport(
    int Kills, int Seed, long BallotsSent, int ReceiptsHeld, long ReceiptChecks, int BallotsLost, int VerificationFailures,
    long LogSize, int Refusals, TimeSpan Duration, IReadOnlyList<string> Failures)
{
    public override string ToString() =>
        $"kills={Kills} seed={Seed} ballots_sent={BallotsSent} receipts={ReceiptsHeld} receipt_checks={ReceiptChecks} " +
        $"ballots_lost={BallotsLost} verification_failures={VerificationFailures} log_size={LogSize} refusals={Refusals} " +
        $"duration_s={Duration.TotalSeconds:F0}";
}

/// <summary>
/// The crash loop: the real server as a child process on a temporary data directory, a season with an open round,
/// voters casting ballots concurrently — and, at a random moment of each round, SIGKILL. After every restart the
/// served log is audited against everything the voters hold (<see cref="LogInvariants"/>), the ballots that were in
/// flight are resubmitted with their nonces, and the next round starts.
/// </summary>
internal sealed class CrashLoopRun(int kills, int seed, Action<string> log)
{
    private const int Voters = 12;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    /// <summary>Configuration the server gets through its environment, as an operator would set it.</summary>
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["KPops__FanCodeRequestsPerMinute"] = "100000",
        ["KPops__BallotsPerAccountPerMinute"] = "0",
        ["KPops__BallotsPerAddressPerMinute"] = "0",
        // The invariants recount the served log while the round is open.
        ["KPops__Log__EmbargoEntries"] = "false",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public async Task<CrashLoopReport> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(seed);
        string root = Directory.CreateTempSubdirectory("kpops-crash-loop-").FullName;
        string data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
        long receiptChecks = 0;
        int lost = 0;
        int verificationFailures = 0;
        long logSize = 0;
        int refusals = 0;
        var failures = new List<string>();
        try
        {
            await ShowClient.AddProducerAsync(data, Environment, cancellationToken);
            log($"producer added at {clock.Elapsed.TotalSeconds:F1} s");
            KpopsServerProcess server = await KpopsServerProcess.StartAsync(data, Environment, StartTimeout, cancellationToken);
            BallotLedger ledger;
            BallotDriver driver;
            using (HttpClient setup = NewClient(server))
            {
                ledger = new BallotLedger(NoteVerifier.Parse((await setup.GetStringAsync("log/key", cancellationToken)).Trim()));
                await ShowClient.LoadAndOpenSeasonAsync(setup, cancellationToken);
                driver = new BallotDriver(await ShowClient.SignUpFansAsync(setup, data, Voters, cancellationToken), ledger);
            }

            log($"season open, {Voters} fans signed up at {clock.Elapsed.TotalSeconds:F1} s");
            for (int round = 1; round <= kills; round++)
            {
                using (HttpClient client = NewClient(server))
                {
                    using var stop = new CancellationTokenSource();
                    Task drive = driver.DriveAsync(client, seed + (round * 1000), stop.Token);
                    await Task.Delay(random.Next(200, 1500), cancellationToken);
                    await server.KillAsync();
                    await stop.CancelAsync();
                    await drive;
                }

                await server.DisposeAsync();
                var restart = Stopwatch.StartNew();
                server = await KpopsServerProcess.StartAsync(data, Environment, StartTimeout, cancellationToken);
                TimeSpan restarted = restart.Elapsed;
                using (HttpClient client = NewClient(server))
                {
                    InvariantReport report = await LogInvariants.CheckAsync(client, server.BaseAddress, ledger, cancellationToken);
                    receiptChecks += report.ReceiptsChecked;
                    lost = Math.Max(lost, report.BallotsLost);
                    verificationFailures += report.Failures.Count;
                    failures.AddRange(report.Failures.Take(5).Select(f => $"after kill {round}: {f}"));
                    logSize = report.LogSize;
                    log($"kill {round}: log {report.LogSize} entries, {report.BallotsInLog} ballots, {report.ReceiptsChecked} receipts checked, " +
                        $"{report.BallotsLost} lost, {report.Failures.Count} failures, {ledger.Unanswered.Count} unanswered; " +
                        $"restart {restarted.TotalSeconds:F1} s, audit {(restart.Elapsed - restarted).TotalSeconds:F1} s");
                    await driver.ResubmitAsync(client, cancellationToken);
                }
            }

            using (HttpClient client = NewClient(server))
            {
                InvariantReport final = await LogInvariants.CheckAsync(client, server.BaseAddress, ledger, cancellationToken);
                receiptChecks += final.ReceiptsChecked;
                lost = Math.Max(lost, final.BallotsLost);
                verificationFailures += final.Failures.Count;
                failures.AddRange(final.Failures.Take(5).Select(f => $"at the end: {f}"));
                logSize = final.LogSize;
            }

            await server.DisposeAsync();
            failures.AddRange(ledger.Failures.Take(20));
            verificationFailures += ledger.Failures.Count;
            refusals = driver.Refusals;
            return new CrashLoopReport(kills, seed, ledger.Sent.Count, ledger.Receipts.Count, receiptChecks, lost, verificationFailures,
                logSize, refusals, clock.Elapsed, failures);
        }
        finally
        {
            TryDelete(root);
        }
    }

    private static HttpClient NewClient(KpopsServerProcess server) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestVersion = HttpVersion.Version11,
        };

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
