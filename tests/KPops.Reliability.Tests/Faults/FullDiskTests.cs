using System.Net;
using KPops.Reliability.Tests.Infrastructure;
using KPops.Server.PublicLog;

namespace KPops.Reliability.Tests.Faults;

/// <summary>
/// The real server with its log (<c>&lt;data&gt;/log</c>) on a real, small file system (<see cref="SmallFileSystem"/>: an
/// 8 MiB tmpfs, or a loop-mounted ext4 image) that fills up: real ENOSPC from <c>FileLogStorage</c>, no injected fault.
/// A ballast file takes all but a little of the space first, so a few hundred ballots fill the rest.
/// </summary>
public sealed class FullDiskTests
{
    private const long FileSystemBytes = 8 << 20;
    private const long Headroom = 48 << 10;
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_full_disk_gets_503_acknowledges_only_what_is_in_the_log_and_voting_resumes_when_space_is_freed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var disk = new SmallFileSystem();
        await using var scenario = await FaultScenario.StartAsync(null, cancellationToken, data =>
        {
            if (disk.TryMount(Path.Combine(data, LogHost.StorageDirectoryName), FileSystemBytes) is { } notPermitted)
            {
                Assert.Skip(notPermitted);
            }
        });
        scenario.DisposeAfterStop(disk);
        Assert.All(await scenario.Driver.BurstAsync(scenario.Client, 2, 1, cancellationToken), s => Assert.Equal(HttpStatusCode.OK, s));
        string ballast = Path.Combine(disk.MountPoint!, "ballast");
        Fill(ballast, disk.AvailableBytes - Headroom);

        // Ballots until the disk is full: the first batch that does not fit is refused, never acknowledged.
        var answers = new List<HttpStatusCode?>();
        for (int burst = 0; !answers.Contains(HttpStatusCode.ServiceUnavailable); burst++)
        {
            Assert.True(burst < 1000, $"{answers.Count} ballots did not fill the last {Headroom} bytes of the disk");
            answers.AddRange(await scenario.Driver.BurstAsync(scenario.Client, 4, 100 + burst, cancellationToken));
        }

        // Then not a byte left: a commit needs at least a new page for the checkpoint, so every ballot is refused. (A
        // page freed by the recovery of a batch that failed half-way may still take one more batch: top up, retry.)
        IReadOnlyList<HttpStatusCode?> whileFull = [];
        for (int burst = 0; whileFull.Count == 0 || whileFull.Any(s => s != HttpStatusCode.ServiceUnavailable); burst++)
        {
            Assert.True(burst < 20, $"a full disk still accepted ballots: {string.Join(' ', whileFull)}");
            Fill(ballast, long.MaxValue);
            answers.AddRange(whileFull = await scenario.Driver.BurstAsync(scenario.Client, 1, 2000 + burst, cancellationToken));
        }

        Assert.All(answers, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"answered {status} on a full disk"));
        Assert.All(scenario.Driver.RefusalLog, refusal => Assert.Equal("storage-unavailable", refusal.Code));
        InvariantReport whenFull = await LogInvariants.CheckAsync(scenario.Client, scenario.Server.BaseAddress, scenario.Ledger, cancellationToken);
        Assert.Empty(whenFull.Failures);
        Assert.Equal(0, whenFull.BallotsLost);

        // Space is freed: voting resumes by itself, the refused ballots are accepted on resubmission, the log audits clean.
        File.Delete(ballast);
        await scenario.WaitUntilAcceptingAsync(Recovery, cancellationToken);
        Assert.All(await scenario.Driver.BurstAsync(scenario.Client, 2, 3000, cancellationToken), s => Assert.Equal(HttpStatusCode.OK, s));
        InvariantReport report = await scenario.ResubmitAndAuditAsync(cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{disk.Kind}: {answers.Count(s => s == HttpStatusCode.OK)} accepted and {answers.Count(s => s == HttpStatusCode.ServiceUnavailable)} refused while filling, " +
            $"log {whenFull.LogSize} entries when full, {report.LogSize} at the end, {report.ReceiptsChecked} receipts checked");
    }

    /// <summary>Appends to <paramref name="path"/> up to <paramref name="bytes"/> more, stopping quietly at a full disk.</summary>
    private static void Fill(string path, long bytes)
    {
        var chunk = new byte[4096];
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
        try
        {
            for (long written = 0; written < bytes; written += chunk.Length)
            {
                file.Write(chunk, 0, (int)Math.Min(chunk.Length, bytes - written));
            }
        }
        catch (IOException)
        {
            // ENOSPC: full, which is the point.
        }
    }
}
