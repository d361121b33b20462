using System.Net;
using KPops.Log;
using KPops.Reliability.Tests.Infrastructure;

namespace KPops.Reliability.Tests.Faults;

/// <summary>
/// The server on a failing disk (a storage layer under its log, through the server's <c>ILogStorageLayer</c> hook):
/// while writes or fsyncs fail it answers 503 (<c>storage-unavailable</c>, with <c>Retry-After</c>) at once and
/// acknowledges nothing; when the disk is mended it takes ballots again by itself, the ballots it refused are accepted
/// on resubmission, and the served log verifies with every acknowledged ballot in it. Behaviour only: no step depends
/// on how fast the machine is (waits are "until", bounded by a generous <see cref="Recovery"/>).
/// </summary>
public sealed class StorageFaultTests
{
    private const int PerVoter = 4;

    /// <summary>How long a mended disk may take to be noticed: generous, for a loaded machine (the backoff caps at 2 s).</summary>
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(DiskFault.WriteErrors)]
    [InlineData(DiskFault.SyncErrors)]
    [InlineData(DiskFault.NoSpace)]
    public async Task A_failing_disk_gets_503_acknowledges_nothing_and_voting_resumes_when_it_is_mended(DiskFault fault)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var layer = new StorageLayer<SwitchableLogStorage>(inner => new SwitchableLogStorage(inner));
        await using var scenario = await FaultScenario.StartAsync(layer, cancellationToken);
        Assert.All(await scenario.Driver.BurstAsync(scenario.Client, PerVoter, 1, cancellationToken), s => Assert.Equal(HttpStatusCode.OK, s));
        int acknowledgedBefore = scenario.Ledger.Receipts.Count;

        // The disk fails for as long as ballots keep coming in bursts — however long that takes on a loaded machine,
        // the pipeline keeps answering (it never waits for the disk, never gives up on it) — then it is mended.
        SwitchableLogStorage disk = layer.Storage!;
        disk.Fault = fault;
        var whileFailing = new List<HttpStatusCode?>();
        for (int burst = 0; burst < 3 || disk.Failures < 4; burst++)
        {
            whileFailing.AddRange(await scenario.Driver.BurstAsync(scenario.Client, 1, 100 + burst, cancellationToken));
            // Paced like clients honouring Retry-After, so that the fault lasts several background re-opens without
            // piling up thousands of refused ballots for the resubmission at the end.
            await Task.Delay(100, cancellationToken);
        }

        Assert.All(whileFailing, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.Equal(acknowledgedBefore, scenario.Ledger.Receipts.Count);
        Assert.All(scenario.Driver.RefusalLog, refusal =>
        {
            Assert.Equal("storage-unavailable", refusal.Code);
            Assert.True(refusal.RetryAfter >= TimeSpan.FromSeconds(1), $"Retry-After {refusal.RetryAfter}");
        });

        disk.Fault = DiskFault.None;
        await scenario.WaitUntilAcceptingAsync(Recovery, cancellationToken);
        Assert.All(await scenario.Driver.BurstAsync(scenario.Client, PerVoter, 4, cancellationToken), s => Assert.Equal(HttpStatusCode.OK, s));
        InvariantReport report = await scenario.ResubmitAndAuditAsync(cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"{fault}: {whileFailing.Count} refused while failing, {disk.Failures} storage failures, log {report.LogSize} entries, {report.ReceiptsChecked} receipts checked");
    }

    [Theory]
    [InlineData(StorageFault.FailsAndDoesNotPersist)]
    [InlineData(StorageFault.FailsButPersists)]
    public async Task Each_storage_step_of_a_batch_failing_once_loses_nothing_acknowledged(StorageFault fault)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var layer = new StorageLayer<FaultyLogStorage>(inner => new FaultyLogStorage(inner));
        await using var scenario = await FaultScenario.StartAsync(layer, cancellationToken);
        var answers = new List<HttpStatusCode?>();

        // A one-ballot batch is entries, leaf hashes, fsync, checkpoint: fail each in turn (and the recovery after it).
        for (int operation = 0; operation < 5; operation++)
        {
            layer.Storage!.FailAt(operation, fault);
            answers.AddRange(await scenario.Driver.BurstAsync(scenario.Client, 1, 10 + operation, cancellationToken));
            await scenario.WaitUntilAcceptingAsync(Recovery, cancellationToken);
        }

        Assert.All(answers, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests, $"answered {status}"));
        Assert.Contains(HttpStatusCode.ServiceUnavailable, answers);
        InvariantReport report = await scenario.ResubmitAndAuditAsync(cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"{fault}: {answers.Count(s => s == HttpStatusCode.ServiceUnavailable)} refused, log {report.LogSize} entries, {report.ReceiptsChecked} receipts checked");
    }

    [Fact]
    public async Task A_slow_disk_slows_receipts_down_but_every_ballot_is_answered_and_none_is_lost()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var layer = new StorageLayer<SwitchableLogStorage>(inner => new SwitchableLogStorage(inner));
        await using var scenario = await FaultScenario.StartAsync(layer, cancellationToken);

        layer.Storage!.SyncDelay = TimeSpan.FromMilliseconds(250);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<HttpStatusCode?> slow = await scenario.Driver.BurstAsync(scenario.Client, PerVoter, 5, cancellationToken);
        TimeSpan elapsed = clock.Elapsed;
        layer.Storage.SyncDelay = TimeSpan.Zero;

        Assert.All(slow, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"answered {status} on a slow disk"));
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(250 * PerVoter), $"{PerVoter} ballots per voter took only {elapsed}: the delay was not in the path");
        Assert.All(await scenario.Driver.BurstAsync(scenario.Client, PerVoter, 6, cancellationToken), s => Assert.Equal(HttpStatusCode.OK, s));
        await scenario.ResubmitAndAuditAsync(cancellationToken);
    }
}
