using System.Net;
using KPops.Log;
using KPops.Reliability.Tests.Infrastructure;
using KPops.Server.PublicLog;

namespace KPops.Reliability.Tests.Faults;

/// <summary>
/// One server with a broken disk: the reliability season open, fans signed up, a ledger of every ballot and receipt.
/// <see cref="ResubmitAndAuditAsync"/> checks the served log against the ledger (<see cref="LogInvariants"/>).
/// </summary>
internal sealed class FaultScenario : IAsyncDisposable
{
    public const int Voters = 8;

    private readonly string _root;
    private readonly List<IDisposable> _afterStop = [];

    private FaultScenario(string root, InProcessServer server, BallotLedger ledger, BallotDriver driver)
    {
        _root = root;
        Server = server;
        Ledger = ledger;
        Driver = driver;
    }

    public InProcessServer Server { get; }

    public BallotLedger Ledger { get; }

    public BallotDriver Driver { get; }

    public HttpClient Client => Server.Client;

    /// <summary>
    /// Starts a server with <paramref name="layer"/> under its log; <paramref name="prepareData"/> runs on the empty data
    /// directory first (e.g. mounts a small file system for the log).
    /// </summary>
    public static async Task<FaultScenario> StartAsync(ILogStorageLayer? layer, CancellationToken cancellationToken, Action<string>? prepareData = null)
    {
        string root = Directory.CreateTempSubdirectory("kpops-faults-").FullName;
        string data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
        prepareData?.Invoke(data);
        var server = await InProcessServer.StartAsync(data, layer, cancellationToken);
        var ledger = new BallotLedger(NoteVerifier.Parse(server.VerifierKey));
        BallotDriver driver = await server.PrepareShowAsync(ledger, Voters, cancellationToken);
        return new FaultScenario(root, server, ledger, driver);
    }

    /// <summary>Casts ballots until one is accepted (the pipeline recovered), or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAcceptingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if ((await Driver.BurstAsync(Client, 1, Environment.TickCount, cancellationToken)).Contains(HttpStatusCode.OK))
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        Assert.Fail($"The server accepted no ballot within {timeout} after the fault cleared.");
    }

    /// <summary>Disposes <paramref name="resource"/> (e.g. unmounts a file system in the data directory) once the server has stopped.</summary>
    public void DisposeAfterStop(IDisposable resource) => _afterStop.Add(resource);

    /// <summary>Resubmits what was never acknowledged, then audits the served log: nothing acknowledged lost, everything verifies.</summary>
    public async Task<InvariantReport> ResubmitAndAuditAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<HttpStatusCode?> resubmitted = await Driver.ResubmitAsync(Client, cancellationToken);
        Assert.All(resubmitted, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Empty(Ledger.Unanswered);
        InvariantReport report = await LogInvariants.CheckAsync(Client, Server.BaseAddress, Ledger, cancellationToken);
        Assert.True(report.Failures.Count == 0 && Ledger.Failures.Count == 0,
            string.Join('\n', report.Failures.Concat(Ledger.Failures).Take(20)));
        Assert.Equal(0, report.BallotsLost);
        Assert.Equal(Ledger.Receipts.Count, report.BallotsInLog);
        return report;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        foreach (IDisposable resource in _afterStop)
        {
            resource.Dispose();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temp directory: harmless.
        }
    }
}
