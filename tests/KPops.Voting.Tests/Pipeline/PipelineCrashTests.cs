using KPops.Log;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;
using KPops.Voting.Recount;

namespace KPops.Voting.Tests.Pipeline;

/// <summary>
/// Runs a few batches of ballots and one non-ballot entry through the pipeline, failing one storage operation
/// — every one in turn, both "fails and does not persist" and "fails but persists" — then resubmits what was not
/// acknowledged, restarts, and checks the log against everything the pipeline promised.
/// </summary>
public sealed class PipelineCrashTests
{
    [Theory]
    [InlineData(StorageFault.FailsAndDoesNotPersist)]
    [InlineData(StorageFault.FailsButPersists)]
    public async Task Every_promise_holds_whichever_storage_operation_fails(StorageFault fault)
    {
        var operations = await CountOperations();
        Assert.True(operations >= 12, $"the scenario should drive several batches, not {operations} operations");

        for (var failAt = 0; failAt < operations; failAt++)
        {
            await using var harness = PipelineHarness.Start();
            harness.Faulty!.FailAt(failAt, fault);
            var run = await RunScenario(harness);
            Assert.True(harness.Faulty.FailedOperation is not null, $"operation {failAt} should have failed");
            Assert.Null(harness.Pipeline.Fault);
            await CheckPromises(harness, run, $"{fault} at operation {failAt} ({harness.Faulty.FailedOperation})");
        }
    }

    [Fact]
    public async Task Without_faults_the_scenario_keeps_every_promise()
    {
        await using var harness = PipelineHarness.Start();
        var run = await RunScenario(harness);
        Assert.Equal(0, run.Unacknowledged);
        await CheckPromises(harness, run, "no fault");
    }

    private static async Task<int> CountOperations()
    {
        await using var harness = PipelineHarness.Start();
        var before = harness.Faulty!.OperationCount;
        await RunScenario(harness);
        return harness.Faulty.OperationCount - before;
    }

    private static async Task<ScenarioRun> RunScenario(PipelineHarness harness)
    {
        var run = new ScenarioRun();
        var closes = harness.Compiled.Round(0).ClosesAtMs;
        await Submit(harness, run, [.. Fans(harness, 1, 6), harness.Ballot("fan-1", nonce: 9, "t02")]);
        var extended = await harness.Pipeline.AppendAsync(new RoundExtended(0, PipelineHarness.VotingTime.ToUnixTimeMilliseconds(), closes + 3_600_000, "overtime"));
        if (extended.Checkpoint is not null)
        {
            run.Checkpoints.Add(extended.Checkpoint);
        }

        await Submit(harness, run, [.. Fans(harness, 7, 10), harness.Ballot("fan-3", nonce: 5), harness.Ballot("fan-2", 0, "t01", "t05")]);
        await Submit(harness, run, [.. Fans(harness, 11, 14)]);

        // Clients retry what was not acknowledged, with the same nonce.
        var retry = run.Submitted.Where(s => s.Outcome.Status == SubmitStatus.StorageUnavailable).Select(s => s.Ballot).ToArray();
        run.Unacknowledged = retry.Length;
        if (retry.Length > 0)
        {
            await Submit(harness, run, retry);
        }

        return run;
    }

    private static IEnumerable<Ballot> Fans(PipelineHarness harness, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            yield return harness.Ballot($"fan-{i}", 0, i % 2 == 0 ? "t01" : "t02", "t05");
        }
    }

    private static async Task Submit(PipelineHarness harness, ScenarioRun run, Ballot[] ballots)
    {
        var outcomes = await harness.SubmitAsync(ballots);
        for (var i = 0; i < ballots.Length; i++)
        {
            run.Submitted.Add((ballots[i], outcomes[i]));
            if (outcomes[i].Checkpoint is { } checkpoint)
            {
                run.Checkpoints.Add(checkpoint);
            }
        }
    }

    private static async Task CheckPromises(PipelineHarness harness, ScenarioRun run, string context)
    {
        var liveVotes = Snapshot(harness.Pipeline);
        await harness.StopAsync();
        using (var log = harness.OpenLog())
        {
            var latest = LogVerifier.VerifyCheckpoint(log.Checkpoint.Note.Span, harness.Signer.Verifier, PipelineHarness.Origin);

            // Every acknowledged ballot is at its receipt's index, provably under the latest checkpoint and its own.
            foreach (var (ballot, outcome) in run.Submitted.Where(s => s.Outcome.IsInLog))
            {
                var entry = log.ReadEntry(outcome.Index);
                Assert.True(TestBallots.Encode(ballot).AsSpan().SequenceEqual(entry), $"{context}: entry {outcome.Index} is not the acknowledged ballot");
                var leaf = Rfc6962.HashLeaf(entry);
                Assert.True(LogVerifier.VerifyInclusion(leaf, outcome.Index, latest.Size, log.InclusionProof(outcome.Index, latest.Size), latest.RootHash), context);
                var own = outcome.Checkpoint!.Checkpoint;
                Assert.True(LogVerifier.VerifyInclusion(leaf, outcome.Index, own.Size, log.InclusionProof(outcome.Index, own.Size), own.RootHash), context);
            }

            // The log is consistent with every checkpoint handed out.
            foreach (var handedOut in run.Checkpoints)
            {
                var checkpoint = LogVerifier.VerifyCheckpoint(handedOut.Note.Span, harness.Signer.Verifier, PipelineHarness.Origin);
                Assert.True(checkpoint.Size <= latest.Size, context);
                var proof = log.ConsistencyProof(checkpoint.Size, latest.Size);
                Assert.True(LogVerifier.VerifyConsistency(checkpoint.Size, latest.Size, proof, checkpoint.RootHash, latest.RootHash), context);
            }

            // No index was handed to two ballots; every retried ballot ended up in the log exactly once.
            var accepted = run.Submitted.Where(s => s.Outcome.Status == SubmitStatus.Accepted).Select(s => s.Outcome.Index).ToList();
            Assert.Equal(accepted.Count, accepted.Distinct().Count());
            var voters = new List<VoterPseudonym>();
            foreach (var entry in log.ReadEntries(0, log.Size))
            {
                if (BallotCodec.TryRead(entry.Data.Span, out var logged, out _))
                {
                    voters.Add(logged.Voter);
                }
            }

            Assert.Equal(voters.Count, voters.Distinct().Count());
            Assert.Equal(14, voters.Count);

            // Live counts, counts after a restart's replay and an independent recount all agree.
            var recount = Recounter.Recount(PipelineHarness.History(log));
            Assert.Equal(0, recount.FindingCount);
            Assert.Equal(liveVotes, Snapshot(recount.Tallies!, harness));
        }

        harness.Open();
        Assert.Equal(0, harness.Pipeline.ReplayFindingCount);
        Assert.Equal(liveVotes, Snapshot(harness.Pipeline));
    }

    private static long[] Snapshot(BallotPipeline pipeline) =>
        [.. PipelineHarness.Season.Trainees.Select(t => pipeline.Tallies.Votes("r1", t.Id)), pipeline.Tallies.BallotsCounted];

    private static long[] Snapshot(KPops.Voting.Tallies.SeasonTallies tallies, PipelineHarness harness) =>
        [.. PipelineHarness.Season.Trainees.Select(t => tallies.Votes("r1", t.Id)), tallies.BallotsCounted];

    private sealed class ScenarioRun
    {
        public List<(Ballot Ballot, BallotOutcome Outcome)> Submitted { get; } = [];
        public List<SignedCheckpoint> Checkpoints { get; } = [];
        public int Unacknowledged { get; set; }
    }
}
