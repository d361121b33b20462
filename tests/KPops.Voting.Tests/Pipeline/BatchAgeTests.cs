using KPops.Voting.Pipeline;

namespace KPops.Voting.Tests.Pipeline;

/// <summary>How long a batch waits for more once the queue is empty: bulk batches up to MaxBatchAge, single ballots not at all.</summary>
public class BatchAgeTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_single_ballot_is_committed_as_soon_as_the_queue_is_empty()
    {
        await using var harness = PipelineHarness.Start(new BallotPipelineOptions { MaxBatchAge = Long });

        // With a minute's MaxBatchAge applied to it, this would not complete within the test's wait.
        var outcome = await harness.Pipeline.SubmitAsync(harness.Ballot("fan-1")).AsTask().WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(SubmitStatus.Accepted, outcome.Status);
    }

    [Fact]
    public async Task A_bulk_batch_waits_for_more_until_a_single_ballot_joins_it()
    {
        await using var harness = PipelineHarness.Start(new BallotPipelineOptions { MaxBatchAge = Long });
        long sizeBefore = harness.Pipeline.LogSize;
        var bulkOutcomes = new BallotOutcome[2];
        var bulk = harness.Pipeline.SubmitManyAsync(new[] { harness.Ballot("fan-1"), harness.Ballot("fan-2") }, bulkOutcomes).AsTask();

        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(bulk.IsCompleted);
        Assert.Equal(sizeBefore, harness.Pipeline.LogSize);

        var single = await harness.Pipeline.SubmitAsync(harness.Ballot("fan-3")).AsTask().WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        await bulk.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(SubmitStatus.Accepted, single.Status);
        Assert.All(bulkOutcomes, outcome => Assert.Equal(SubmitStatus.Accepted, outcome.Status));
        // One commit for the three: the checkpoint every receipt was given is the same.
        Assert.Equal(single.Checkpoint!.Size, bulkOutcomes[0].Checkpoint!.Size);
        Assert.Equal(single.Checkpoint.Size, bulkOutcomes[1].Checkpoint!.Size);
    }

    [Fact]
    public async Task SingleBallotBatchAge_makes_single_ballots_wait_like_bulk_ones()
    {
        await using var harness = PipelineHarness.Start(new BallotPipelineOptions { MaxBatchAge = Long, SingleBallotBatchAge = Long });

        var single = harness.Pipeline.SubmitAsync(harness.Ballot("fan-1")).AsTask();
        long sizeBefore = harness.Pipeline.LogSize;
        await Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.False(single.IsCompleted);
        Assert.Equal(sizeBefore, harness.Pipeline.LogSize);
    }
}

/// <summary>A batch's completions are shared out over several thread-pool work items (CompletionDispatcher).</summary>
public class CompletionTests
{
    [Fact]
    public async Task Every_single_ballot_of_a_large_batch_gets_its_own_outcome_once()
    {
        await using var harness = PipelineHarness.Start(new BallotPipelineOptions { MaxBatchAge = TimeSpan.FromSeconds(60), SingleBallotBatchAge = TimeSpan.FromMilliseconds(50) });
        var pending = Enumerable.Range(0, 500).Select(i => harness.Pipeline.SubmitAsync(harness.Ballot($"fan-{i}")).AsTask()).ToArray();

        var outcomes = await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.All(outcomes, outcome => Assert.Equal(SubmitStatus.Accepted, outcome.Status));
        Assert.Equal(500, outcomes.Select(outcome => outcome.Index).Distinct().Count());
    }
}
