using KPops.Log;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Voting.Tests.Pipeline;

public sealed class BallotPipelineTests
{
    [Fact]
    public async Task Accepted_ballot_gets_a_receipt_that_verifies_against_the_signed_checkpoint()
    {
        await using var harness = PipelineHarness.Start();
        var ballot = harness.Ballot("fan-1");

        var outcome = await harness.Pipeline.SubmitAsync(ballot);

        Assert.Equal(SubmitStatus.Accepted, outcome.Status);
        Assert.Equal("accepted", outcome.Code);
        var receipt = harness.Pipeline.Receipt(outcome);
        Assert.True(receipt.Verify(harness.Signer.Verifier, PipelineHarness.Origin, TestBallots.Encode(ballot)));
        Assert.Equal(outcome.Index + 1, outcome.Checkpoint!.Size);
    }

    [Fact]
    public async Task Ballots_are_counted_only_once_durable_and_the_count_matches_the_log()
    {
        await using var harness = PipelineHarness.Start();
        var outcomes = await harness.SubmitAsync(harness.Ballot("fan-1", 0, "t01"), harness.Ballot("fan-2", 0, "t02", "t04"));

        Assert.All(outcomes, o => Assert.Equal(SubmitStatus.Accepted, o.Status));
        Assert.Equal(1, harness.Pipeline.Tallies.Votes("r1", "t01"));
        Assert.Equal(1, harness.Pipeline.Tallies.Votes("r1", "t04"));
        Assert.Equal(2, harness.Pipeline.Tallies.BallotsCounted);
        Assert.Equal(outcomes[1].Index + 1, harness.Pipeline.LogSize);
    }

    [Fact]
    public async Task A_second_ballot_of_a_voter_on_the_same_day_is_rejected_with_quota_exhausted()
    {
        await using var harness = PipelineHarness.Start();
        await harness.Pipeline.SubmitAsync(harness.Ballot("fan-1", nonce: 1));

        var again = await harness.Pipeline.SubmitAsync(harness.Ballot("fan-1", nonce: 2, "t02"));

        Assert.Equal(SubmitStatus.Rejected, again.Status);
        Assert.Equal("quota-exhausted", again.Code);
        Assert.Equal(1, harness.Pipeline.Tallies.BallotsCounted);
    }

    [Fact]
    public async Task Two_ballots_of_one_voter_in_the_same_batch_count_once()
    {
        await using var harness = PipelineHarness.Start();

        var outcomes = await harness.SubmitAsync(harness.Ballot("fan-1", 1, "t01"), harness.Ballot("fan-2"), harness.Ballot("fan-1", 2, "t02"));

        Assert.Equal(SubmitStatus.Accepted, outcomes[0].Status);
        Assert.Equal(SubmitStatus.Accepted, outcomes[1].Status);
        Assert.Equal("quota-exhausted", outcomes[2].Code);
        Assert.Equal(0, harness.Pipeline.Tallies.Votes("r1", "t02"));
    }

    [Fact]
    public async Task A_resubmitted_ballot_is_answered_with_the_original_receipt()
    {
        await using var harness = PipelineHarness.Start();
        var first = await harness.Pipeline.SubmitAsync(harness.Ballot("fan-1", nonce: 7));

        var again = await harness.Pipeline.SubmitAsync(harness.Ballot("fan-1", nonce: 7));

        Assert.Equal(SubmitStatus.Duplicate, again.Status);
        Assert.Equal("duplicate-ballot", again.Code);
        Assert.Equal(first.Index, again.Index);
        Assert.True(harness.Pipeline.Receipt(again).Verify(harness.Signer.Verifier, PipelineHarness.Origin));
        Assert.Equal(1, harness.Pipeline.Tallies.BallotsCounted);
    }

    [Fact]
    public async Task An_invalid_ballot_is_rejected_with_its_reason_code_and_not_logged()
    {
        await using var harness = PipelineHarness.Start();
        var sizeBefore = harness.Pipeline.LogSize;

        var outcome = await harness.Pipeline.SubmitAsync(harness.Ballot("fan-1", 0, "t04"));

        Assert.Equal(SubmitStatus.Rejected, outcome.Status);
        Assert.Equal(BallotCheck.GroupMin, outcome.Reason);
        Assert.Equal("group-min", outcome.Code);
        Assert.Equal(sizeBefore, harness.Pipeline.LogSize);
    }

    [Fact]
    public async Task Ballots_beyond_the_queue_capacity_are_answered_rate_limited_at_once()
    {
        await using var harness = PipelineHarness.Start(new BallotPipelineOptions { QueueCapacity = 3, MaxBatchAge = TimeSpan.Zero });
        var ballots = Enumerable.Range(0, 5).Select(i => harness.Ballot($"fan-{i}")).ToArray();

        var outcomes = await harness.SubmitAsync(ballots);

        Assert.Equal([SubmitStatus.Accepted, SubmitStatus.Accepted, SubmitStatus.Accepted, SubmitStatus.RateLimited, SubmitStatus.RateLimited],
            outcomes.Select(o => o.Status));
        Assert.Equal("rate-limited", outcomes[4].Code);
    }

    [Fact]
    public async Task A_round_closed_through_the_pipeline_rejects_ballots_queued_after_it()
    {
        await using var harness = PipelineHarness.Start();
        var before = harness.Pipeline.SubmitAsync(harness.Ballot("fan-1"));
        var closed = harness.Pipeline.AppendAsync(new RoundClosed(0, PipelineHarness.VotingTime.ToUnixTimeMilliseconds()));
        var after = harness.Pipeline.SubmitAsync(harness.Ballot("fan-2"));

        var beforeOutcome = await before;
        var closedOutcome = await closed;
        var afterOutcome = await after;

        Assert.Equal(SubmitStatus.Accepted, beforeOutcome.Status);
        Assert.Equal(SubmitStatus.Accepted, closedOutcome.Status);
        Assert.True(closedOutcome.Index > beforeOutcome.Index);
        Assert.Equal("round-closed", afterOutcome.Code);
        Assert.Equal(SubmitStatus.Rejected, (await harness.Pipeline.AppendAsync(new RoundClosed(0, 0))).Status);
    }

    [Fact]
    public async Task Restart_replays_the_log_into_the_same_counts_and_remembers_receipts()
    {
        await using var harness = PipelineHarness.Start();
        var outcomes = await harness.SubmitAsync(harness.Ballot("fan-1", 3), harness.Ballot("fan-2", 0, "t02"));
        await harness.StopAsync();

        harness.Open();

        Assert.Equal(outcomes[1].Index + 1, harness.Pipeline.StartupReplay.Entries);
        Assert.Equal(0, harness.Pipeline.ReplayFindingCount);
        Assert.Equal(1, harness.Pipeline.Tallies.Votes("r1", "t02"));
        Assert.Equal(2, harness.Pipeline.Tallies.BallotsCounted);
        var again = await harness.Pipeline.SubmitAsync(harness.Ballot("fan-1", 3));
        Assert.Equal(SubmitStatus.Duplicate, again.Status);
        Assert.Equal(outcomes[0].Index, again.Index);
    }

    [Fact]
    public async Task A_failed_append_acknowledges_nothing_and_the_pipeline_recovers()
    {
        await using var harness = PipelineHarness.Start();
        harness.Faulty!.FailAt(0, StorageFault.FailsAndDoesNotPersist);

        var failed = await harness.SubmitAsync(harness.Ballot("fan-1"), harness.Ballot("fan-2"));
        var retried = await harness.SubmitAsync(harness.Ballot("fan-1"), harness.Ballot("fan-2"));

        Assert.All(failed, o => Assert.Equal("storage-unavailable", o.Code));
        Assert.All(retried, o => Assert.Equal(SubmitStatus.Accepted, o.Status));
        Assert.Equal(2, harness.Pipeline.Tallies.BallotsCounted);
        Assert.Null(harness.Pipeline.Fault);
    }

    [Fact]
    public async Task Eager_receipts_come_with_the_outcome()
    {
        await using var harness = PipelineHarness.Start(new BallotPipelineOptions { MaxBatchAge = TimeSpan.Zero, EagerReceipts = true });
        var ballot = harness.Ballot("fan-1");

        var outcome = await harness.Pipeline.SubmitAsync(ballot);

        Assert.NotNull(outcome.Receipt);
        Assert.Equal(outcome.Index, outcome.Receipt.Index);
        Assert.True(outcome.Receipt.Verify(harness.Signer.Verifier, PipelineHarness.Origin, TestBallots.Encode(ballot)));
    }

    [Fact]
    public async Task After_shutdown_submissions_are_answered_unavailable()
    {
        await using var harness = PipelineHarness.Start();
        await harness.StopAsync();

        var outcome = await harness.Pipeline.SubmitAsync(harness.Ballot("fan-1"));

        Assert.Equal(SubmitStatus.Unavailable, outcome.Status);
    }
}
