using KPops.Format;
using KPops.Format.Ranking;
using KPops.Server.Live;
using KPops.Server.Operations;
using KPops.Voting;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Server.Tests;

/// <summary>How a snapshot of the state becomes the figures producers watch (Boys Planet: Korean and global voters).</summary>
public sealed class LiveCountsTests
{
    [Fact]
    public void Snapshot_counts_each_trainees_votes_by_segment_and_each_rounds_ballots()
    {
        var season = new CompiledSeason(Presets.Load("boys-planet"));
        using var state = new VotingState(season, new MemoryEntryHistory());
        int round = season.RoundIndex("vote-1");
        long during = season.Round(round).OpensAtMs + 60_000;
        string[] segments = ["korea", "korea", "global"];
        for (int i = 0; i < segments.Length; i++)
        {
            ushort[] picks = [(ushort)season.TraineeIndex("k01"), (ushort)season.TraineeIndex(i == 0 ? "g01" : "g02")];
            var ballot = new Ballot(picks)
            {
                Round = (ushort)round,
                Voter = new VoterPseudonym(7, (ulong)i),
                Segment = (ushort)season.SegmentIndex(segments[i]),
                ServerTimeMs = during,
                Period = season.PeriodOf(round, during),
            };
            Assert.Equal(BallotCheck.Accepted, state.TryAccept(ballot, i, out _));
        }

        var view = new SeasonView(season, state.Tallies.Snapshot(), [.. Enumerable.Range(0, season.RoundCount).Select(state.Window)],
            [.. Enumerable.Range(0, season.RoundCount).Select(r => Enumerable.Range(0, season.TraineeCount).Select(t => state.IsEligible(r, t)).ToArray())],
            new Dictionary<string, AnnouncementResult>(), 3);

        var live = LiveCounts.From(view, DateTimeOffset.FromUnixTimeMilliseconds(during));
        var counted = live.Rounds[round];

        Assert.Equal(("vote-1", true, 3L), (counted.RoundId, counted.IsOpen, counted.BallotsCounted));
        Assert.Equal(("k01", 3L), (counted.Trainees[0].TraineeId, counted.Trainees[0].Total));
        Assert.Equal(new Dictionary<string, long> { ["korea"] = 2, ["global"] = 1 }, counted.Trainees[0].BySegment);
        Assert.Equal(("g02", 2L), (counted.Trainees[1].TraineeId, counted.Trainees[1].Total));
        Assert.Equal(0, live.Rounds[season.RoundIndex("vote-2")].BallotsCounted);
        Assert.False(LiveCounts.From(view, DateTimeOffset.UtcNow).Rounds[round].IsOpen);
    }
}
