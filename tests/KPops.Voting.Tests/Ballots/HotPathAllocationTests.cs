using KPops.Voting.Ballots;
using KPops.Voting.Entries;
using static KPops.Voting.Tests.TestBallots;

namespace KPops.Voting.Tests.Ballots;

/// <summary>The ballot path must not allocate in steady state; speed itself is left to the benchmarks.</summary>
public sealed class HotPathAllocationTests
{
    [Fact]
    public void Checking_accepting_encoding_and_replaying_ballots_allocates_nothing()
    {
        var season = TestSeasons.Planet();
        const int Count = 2_000;
        var at = TestSeasons.R1Opens.AddHours(3);
        var ballots = Enumerable.Range(0, 2 * Count)
            .Select(i => Make(season, "r1", "v" + i, at.AddSeconds(i), ["t01", "t04", "t05"], nonce: (uint)i, segment: i % 2 == 0 ? "korea" : "global"))
            .ToArray();
        var history = new MemoryEntryHistory();
        using var live = new VotingState(season, history, expectedBallots: 4 * Count);
        using var replayed = new VotingState(season, history, expectedBallots: 4 * Count);
        var buffer = new byte[BallotCodec.MaxSize];
        RunBallots(live, replayed, ballots.AsSpan(0, Count), 0, buffer); // warm up: JIT, zone offsets

        var before = GC.GetAllocatedBytesForCurrentThread();
        var accepted = RunBallots(live, replayed, ballots.AsSpan(Count), Count, buffer);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Count, accepted);
        Assert.Equal(0, allocated);
        Assert.Equal(2 * Count, replayed.Tallies.BallotsCounted);
    }

    private static int RunBallots(VotingState live, VotingState replayed, ReadOnlySpan<Ballot> ballots, long firstIndex, byte[] buffer)
    {
        var accepted = 0;
        for (var i = 0; i < ballots.Length; i++)
        {
            ref readonly var ballot = ref ballots[i];
            if (live.TryAccept(ballot, firstIndex + i, out _) != BallotCheck.Accepted
                || !BallotCodec.TryWrite(ballot, buffer, out var written)
                || !BallotCodec.TryRead(buffer.AsSpan(0, written), out var decoded, out _)
                || replayed.TryAccept(decoded, firstIndex + i, out _) != BallotCheck.Accepted
                || live.Check(ballot, out _) != BallotCheck.DuplicateBallot)
            {
                continue;
            }

            accepted++;
        }

        return accepted;
    }
}
