using KPops.Log;
using KPops.Voting.Pipeline;
using KPops.Voting.Tests.Pipeline;

namespace KPops.Voting.Tests;

/// <summary>The horizon the live sequencer keeps is the one a restart's replay and an outside recount arrive at.</summary>
public sealed class EmbargoHorizonReplayTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kpops-horizon-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_restarted_pipeline_and_a_replay_find_the_same_horizon_as_the_live_sequencer()
    {
        using var signer = NoteSigner.Generate(PipelineHarness.Origin);
        long firstBallot;
        long live;
        using (var storage = FileLogStorage.Open(_directory))
        {
            var pipeline = BallotPipeline.Open(storage, signer, PipelineHarness.Origin, PipelineHarness.Season, PipelineHarness.TestOptions());
            Assert.Equal(EmbargoHorizon.None, await pipeline.ReadAsync(state => state.Embargo.Index));
            var ballots = Enumerable.Range(0, 40)
                .Select(i => TestBallots.Make(pipeline.Season, "r1", $"fan-{i}", PipelineHarness.VotingTime, ["t01"]))
                .ToArray();
            var outcomes = new BallotOutcome[ballots.Length];
            await pipeline.SubmitManyAsync(ballots, outcomes);
            Assert.All(outcomes, outcome => Assert.Equal(SubmitStatus.Accepted, outcome.Status));
            firstBallot = outcomes.Min(outcome => outcome.Index);
            live = await pipeline.ReadAsync(state => state.Embargo.Index);
            await pipeline.DisposeAsync();
        }

        using (var storage = FileLogStorage.Open(_directory))
        {
            var restarted = BallotPipeline.Open(storage, signer, PipelineHarness.Origin, options: PipelineHarness.TestOptions());
            long replayed = await restarted.ReadAsync(state => state.Embargo.Index);
            await restarted.DisposeAsync();

            Assert.Equal((firstBallot, firstBallot), (live, replayed));
        }

        using (var reopened = FileLogStorage.Open(_directory))
        using (var log = TransparencyLog.Open(reopened, signer, PipelineHarness.Origin))
        using (var replayer = new LogReplayer(PipelineHarness.History(log)))
        {
            replayer.ReplayTo(log.Size);
            Assert.Equal(firstBallot, replayer.State!.Embargo.Index);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
