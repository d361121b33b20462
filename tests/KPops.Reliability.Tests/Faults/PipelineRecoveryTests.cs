using KPops.Format;
using KPops.Log;
using KPops.Reliability.Tests.Infrastructure;
using KPops.Voting;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;
using KPops.Voting.Recount;

namespace KPops.Reliability.Tests.Faults;

/// <summary>
/// The pipeline on storage that stays broken (no server). It used to retry re-opening the log for about 5 s while every
/// ballot queued behind the failure waited, then gave up for good; under load the server's fault tests were flaky, and
/// a longer window held requests past their clients' timeouts. Now: every ballot is answered at once while the storage
/// fails, nothing is acknowledged that is not durable, the log is re-opened in the background for as long as it takes,
/// and service resumes by itself — with the log, the state and the receipts intact. These tests assert behaviour only:
/// every wait is "until it happens", bounded generously.
/// </summary>
public sealed class PipelineRecoveryTests
{
    private const string Origin = "recovery.kpops.localhost/log";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Fast backoff so that a sustained fault sees many background re-opens in a short test.</summary>
    private static readonly BallotPipelineOptions Options = new()
    {
        RecoveryAttempts = 2,
        RecoveryDelay = TimeSpan.FromMilliseconds(5),
        MaxRecoveryDelay = TimeSpan.FromMilliseconds(40),
        MaxBatchAge = TimeSpan.Zero,
    };

    [Theory]
    [InlineData(DiskFault.WriteErrors)]
    [InlineData(DiskFault.SyncErrors)]
    [InlineData(DiskFault.NoSpace)]
    public async Task While_storage_fails_every_ballot_is_answered_at_once_and_service_resumes_when_it_is_mended(DiskFault fault)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var storage = new SwitchableLogStorage(new MemoryLogStorage());
        using var signer = NoteSigner.Generate(Origin);
        await using var pipeline = await OpenWithRoundAsync(storage, signer);
        Assert.Equal(SubmitStatus.Accepted, (await SubmitAsync(pipeline, voter: 100)).Status);

        storage.Fault = fault;
        Assert.Equal(SubmitStatus.StorageUnavailable, (await SubmitAsync(pipeline, voter: 101)).Status);

        // Far more failed storage operations than the old 50-try window allowed, with ballots arriving all along: each
        // is answered (the fault is still on, so nobody waits for a repair), none is acknowledged.
        var outcomes = new List<BallotOutcome>();
        for (var voter = 0; storage.Failures < 60; voter = (voter + 1) % 40)
        {
            outcomes.Add(await WithinPatience(SubmitAsync(pipeline, voter), cancellationToken));
        }

        Assert.All(outcomes, outcome => Assert.Equal(SubmitStatus.StorageUnavailable, outcome.Status));
        Assert.Null(pipeline.Fault);
        Assert.NotNull(pipeline.LastStorageError);
        Assert.Equal(SubmitStatus.StorageUnavailable, (await pipeline.AppendAsync(new RoundClosed(0, Now))).Status);
        Assert.Equal(1, await pipeline.ReadAsync(state => state.Tallies.BallotsCounted));
        Assert.True(pipeline.StorageRetryAfter >= TimeSpan.FromSeconds(1));

        storage.Fault = DiskFault.None;
        await UntilAcceptedAsync(pipeline, voter: 200, cancellationToken);
        Assert.False(pipeline.IsStorageFailing);
        Assert.Equal(0, pipeline.QueuedBallots);
        Assert.Equal(SubmitStatus.Duplicate, (await SubmitAsync(pipeline, voter: 100)).Status);
        Assert.Equal(SubmitStatus.Accepted, (await SubmitAsync(pipeline, voter: 101)).Status);
        AssertStateIsARecountOfTheLog(pipeline, storage, signer, expectedBallots: 3);
    }

    [Fact]
    public async Task Ballots_queued_behind_a_failed_batch_are_all_answered_and_none_is_acknowledged()
    {
        // Found by the server-level fault tests: a ballot queued during recovery was skipped by the drain that answers
        // the queue (the sequencer kept the offset of the last request it had finished), and its request hung.
        var cancellationToken = TestContext.Current.CancellationToken;
        var storage = new SwitchableLogStorage(new MemoryLogStorage());
        using var signer = NoteSigner.Generate(Origin);
        await using var pipeline = await OpenWithRoundAsync(storage, signer);

        storage.Fault = DiskFault.WriteErrors;
        Task<BallotOutcome>[] ballots = Enumerable.Range(0, 64).Select(voter => Task.Run(() => SubmitAsync(pipeline, voter), cancellationToken)).ToArray();
        var bulk = new Ballot[32];
        var bulkOutcomes = new BallotOutcome[bulk.Length];
        for (var i = 0; i < bulk.Length; i++)
        {
            bulk[i] = Stamp(pipeline, 500 + i);
        }

        await WithinPatience(Task.WhenAll(ballots), cancellationToken);
        await WithinPatience(pipeline.SubmitManyAsync(bulk, bulkOutcomes).AsTask(), cancellationToken);

        Assert.All(ballots, ballot => Assert.Equal(SubmitStatus.StorageUnavailable, ballot.Result.Status));
        Assert.All(bulkOutcomes, outcome => Assert.Equal(SubmitStatus.StorageUnavailable, outcome.Status));
        Assert.Equal(0, pipeline.QueuedBallots);
        Assert.Null(pipeline.Fault);
        storage.Fault = DiskFault.None;
        await UntilAcceptedAsync(pipeline, voter: 300, cancellationToken);
        AssertStateIsARecountOfTheLog(pipeline, storage, signer, expectedBallots: 1);
    }

    [Fact]
    public async Task A_batch_written_but_never_synced_is_cut_from_the_files_and_its_indices_go_to_later_ballots()
    {
        // The unsynced tail: entries and hashes reach the files, the fsync fails, no checkpoint covers them. Recovery
        // must truncate them (never serve or count them) and hand their indices to the next ballots, on real files.
        var cancellationToken = TestContext.Current.CancellationToken;
        string directory = Directory.CreateTempSubdirectory("kpops-unsynced-").FullName;
        try
        {
            using var signer = NoteSigner.Generate(Origin);
            long sizeBefore;
            using (var files = FileLogStorage.Open(directory))
            {
                var storage = new SwitchableLogStorage(files);
                await using var pipeline = await OpenWithRoundAsync(storage, signer);
                Assert.Equal(SubmitStatus.Accepted, (await SubmitAsync(pipeline, voter: 1)).Status);
                sizeBefore = pipeline.LogSize;
                long entriesBytes = new FileInfo(Path.Combine(directory, "entries.bin")).Length;

                storage.Fault = DiskFault.SyncErrors;
                for (var voter = 10; storage.Failures < 5; voter++)
                {
                    Assert.Equal(SubmitStatus.StorageUnavailable, (await WithinPatience(SubmitAsync(pipeline, voter), cancellationToken)).Status);
                }

                Assert.Equal(sizeBefore, pipeline.LogSize);
                storage.Fault = DiskFault.None;
                BallotOutcome next = await UntilAcceptedAsync(pipeline, voter: 2, cancellationToken);
                Assert.Equal(sizeBefore, next.Index);
                Assert.True(new FileInfo(Path.Combine(directory, "entries.bin")).Length > entriesBytes);
                AssertStateIsARecountOfTheLog(pipeline, storage, signer, expectedBallots: 2);
            }

            // A fresh process's view of the files: the tree verifies and holds exactly the two acknowledged ballots.
            using var reread = FileLogStorage.Open(directory);
            using var log = TransparencyLog.Open(reread, signer, Origin);
            Assert.Equal(sizeBefore + 1, log.Size);
            var recount = Recounter.Recount(CommittedEntries(reread, signer));
            Assert.Equal(0, recount.FindingCount);
            Assert.Equal(2, recount.Tallies!.BallotsCounted);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static async Task<BallotPipeline> OpenWithRoundAsync(ILogStorage storage, NoteSigner signer)
    {
        var season = SeasonFile.Parse(LoadSeason.Json).Season!;
        var pipeline = BallotPipeline.Open(storage, signer, Origin, season, Options);
        Assert.Equal(SubmitStatus.Accepted, (await pipeline.AppendAsync(new RoundOpened(0, Now - 1000))).Status);
        return pipeline;
    }

    /// <summary>Submits until a ballot is accepted (the storage works again), for at most <see cref="Patience"/>.</summary>
    private static async Task<BallotOutcome> UntilAcceptedAsync(BallotPipeline pipeline, int voter, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            BallotOutcome outcome = await SubmitAsync(pipeline, voter);
            if (outcome.Status == SubmitStatus.Accepted)
            {
                return outcome;
            }

            Assert.Equal(SubmitStatus.StorageUnavailable, outcome.Status);
            await Task.Delay(10, cancellationToken);
        }

        Assert.Fail($"No ballot was accepted within {Patience} of the storage being mended ({pipeline.LastStorageError?.Message}).");
        return default;
    }

    private static async Task<T> WithinPatience<T>(Task<T> task, CancellationToken cancellationToken)
    {
        await WithinPatience((Task)task, cancellationToken);
        return await task;
    }

    private static async Task WithinPatience(Task task, CancellationToken cancellationToken)
    {
        Assert.Same(task, await Task.WhenAny(task, Task.Delay(Patience, cancellationToken)));
        await task;
    }

    /// <summary>The live counts equal a recount of the committed log, which holds <paramref name="expectedBallots"/> ballots.</summary>
    private static void AssertStateIsARecountOfTheLog(BallotPipeline pipeline, ILogStorage storage, NoteSigner signer, long expectedBallots)
    {
        var recount = Recounter.Recount(CommittedEntries(storage, signer));
        Assert.Equal(0, recount.FindingCount);
        Assert.Equal(expectedBallots, recount.Tallies!.BallotsCounted);
        Assert.Equal(pipeline.Tallies.BallotsCounted, recount.Tallies.BallotsCounted);
        foreach (string trainee in LoadSeason.Trainees)
        {
            Assert.Equal(recount.Tallies.Votes(LoadSeason.RoundId, trainee), pipeline.Tallies.Votes(LoadSeason.RoundId, trainee));
        }
    }

    /// <summary>The entries the durable checkpoint covers, read from the storage without writing to it.</summary>
    private static MemoryEntryHistory CommittedEntries(ILogStorage storage, NoteSigner signer)
    {
        Assert.True(LogVerifier.TryVerifyCheckpoint(storage.ReadCheckpoint()!, signer.Verifier, Origin, out Checkpoint? checkpoint, out string? error), error);
        var history = new MemoryEntryHistory();
        var reader = new EntryBundleReader(storage.ReadEntries(0, (int)checkpoint.Size));
        while (reader.TryReadNext(out ReadOnlySpan<byte> entry))
        {
            history.Append(entry.ToArray());
        }

        Assert.Equal(checkpoint.Size, history.Count);
        return history;
    }

    private static Task<BallotOutcome> SubmitAsync(BallotPipeline pipeline, int voter) => pipeline.SubmitAsync(Stamp(pipeline, voter)).AsTask();

    private static Ballot Stamp(BallotPipeline pipeline, int voter)
    {
        var ballot = new Ballot([(ushort)(voter % LoadSeason.Trainees.Count)]) { Round = 0, Voter = new VoterPseudonym(7, (ulong)voter), Nonce = 1 };
        return pipeline.Season.Stamp(ballot, TimeProvider.System);
    }
}
