using KPops.Format;
using KPops.Log;
using KPops.Reliability.Tests.Infrastructure;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Reliability.Tests.Faults;

/// <summary>
/// The pipeline when its storage stays broken (no server): found by the server-level fault tests, where one ballot of
/// those queued while the pipeline retried its recovery was never answered once it gave up — its request waited
/// forever. The sequencer kept the offset of the last request it finished, and its shutdown drain started the next
/// queued request at that offset, skipping the ballot. Every ballot must be answered, whatever the storage does.
/// </summary>
public sealed class PipelineRecoveryTests
{
    [Fact]
    public async Task Ballots_queued_while_recovery_keeps_failing_are_all_answered_when_the_pipeline_gives_up()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var season = SeasonFile.Parse(LoadSeason.Json).Season!;
        var storage = new SwitchableLogStorage(new MemoryLogStorage());
        using var signer = NoteSigner.Generate("recovery.kpops.localhost/log");
        var options = new BallotPipelineOptions { RecoveryAttempts = 25, RecoveryDelay = TimeSpan.FromMilliseconds(20), MaxBatchAge = TimeSpan.Zero };
        await using var pipeline = BallotPipeline.Open(storage, signer, "recovery.kpops.localhost/log", season, options);
        Assert.Equal(SubmitStatus.Accepted, (await pipeline.AppendAsync(new RoundOpened(0, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1000))).Status);
        Assert.Equal(SubmitStatus.Accepted, (await SubmitAsync(pipeline, voter: 100)).Status);

        // The first ballot's batch fails; the pipeline then retries its recovery (which fails too) while more queue up.
        storage.Fault = DiskFault.WriteErrors;
        Assert.Equal(SubmitStatus.StorageUnavailable, (await SubmitAsync(pipeline, voter: 101)).Status);
        Task<BallotOutcome>[] ballots = Enumerable.Range(0, 16).Select(voter => Task.Run(() => SubmitAsync(pipeline, voter), cancellationToken)).ToArray();
        Task all = Task.WhenAll(ballots);

        Assert.Same(all, await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(20), cancellationToken)));
        Assert.All(ballots, ballot => Assert.False(ballot.Result.IsInLog));
        Assert.All(ballots, ballot => Assert.Contains(ballot.Result.Status, new[] { SubmitStatus.StorageUnavailable, SubmitStatus.Unavailable }));
        Assert.NotNull(pipeline.Fault);
        Assert.Equal(0, pipeline.QueuedBallots);
    }

    private static async Task<BallotOutcome> SubmitAsync(BallotPipeline pipeline, int voter)
    {
        var ballot = new Ballot([(ushort)(voter % LoadSeason.Trainees.Count)]) { Round = 0, Voter = new VoterPseudonym(7, (ulong)voter), Nonce = 1 };
        return await pipeline.SubmitAsync(pipeline.Season.Stamp(ballot, TimeProvider.System));
    }
}
