using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Voting.Tests.Pipeline;

/// <summary>
/// The sequencer records the ballots it checked without checking them again, while restart and recount rebuild
/// the state from the log's bytes through <see cref="VotingState.TryAccept"/>: both must end in the same state.
/// </summary>
public sealed class LiveAndReplayedStateTests
{
    private static readonly string[][] PickSets = [["t01"], ["t02", "t04"], ["t03", "t05", "t06"], ["t01", "t06"]];

    [Fact]
    public async Task State_replayed_from_the_log_equals_the_live_state_after_repeats_duplicates_and_small_batches()
    {
        // Batches of 4 with repeats from the same voters force carried-over conflicts across many batches.
        await using var harness = PipelineHarness.Start(PipelineHarness.TestOptions(maxBatchSize: 4));
        var ballots = new List<Ballot>();
        for (var i = 0; i < 60; i++)
        {
            // 20 voters; each submits its first ballot, a duplicate of it (same nonce) and a second ballot (new nonce).
            var voter = $"fan-{i % 20}";
            var nonce = (uint)(i / 40);
            ballots.Add(harness.Ballot(voter, nonce, PickSets[i % PickSets.Length]));
        }

        var live = await harness.SubmitAsync([.. ballots]);
        var liveCounts = Counts(harness.Pipeline);
        var liveQuotaBytes = harness.Pipeline.QuotaResidentBytes;
        await harness.StopAsync();

        harness.Open();

        Assert.Equal(0, harness.Pipeline.ReplayFindingCount);
        Assert.Equal(20, harness.Pipeline.Tallies.BallotsCounted);
        Assert.Equal(liveCounts, Counts(harness.Pipeline));
        Assert.Equal(liveQuotaBytes, harness.Pipeline.QuotaResidentBytes);
        var again = await harness.SubmitAsync([.. ballots]);
        for (var i = 0; i < ballots.Count; i++)
        {
            // After the replay every ballot is a resubmission: the accepted ones answer with their original entry.
            if (live[i].Status == SubmitStatus.Accepted)
            {
                Assert.Equal(SubmitStatus.Duplicate, again[i].Status);
                Assert.Equal(live[i].Index, again[i].Index);
            }
            else
            {
                Assert.Equal(live[i].Code, again[i].Code);
                Assert.Equal(live[i].Index, again[i].Index);
            }
        }
    }

    private static long[] Counts(BallotPipeline pipeline)
    {
        var tallies = pipeline.Tallies;
        return [tallies.BallotsCounted, .. Enumerable.Range(1, 6).Select(t => tallies.Votes("r1", $"t{t:00}"))];
    }
}
