using KPops.Format.Ranking;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Fuzz.Targets;

/// <summary>One valid entry of every kind, for seed corpora (ballots valid for the fixture season's first round).</summary>
internal static class SampleEntries
{
    /// <summary>A moment inside the preset's first round, so sample ballots are valid on replay.</summary>
    public static long RoundTimeMs(CompiledSeason season) => season.Season.Rounds[0].OpensAt.AddHours(1).ToUnixTimeMilliseconds();

    public static Ballot SampleBallot(CompiledSeason season, int voter, uint nonce, params ushort[] picks)
    {
        var ballot = new Ballot(picks)
        {
            Round = 0,
            Voter = new VoterPseudonym(0x0123456789abcdefUL, (ulong)voter),
            Nonce = nonce,
        };
        return season.Stamp(ballot, new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(RoundTimeMs(season))));
    }

    public static IEnumerable<(string Name, byte[] Bytes)> All(CompiledSeason season)
    {
        long at = RoundTimeMs(season);
        yield return ("season-defined", SeasonDefinition.ToChunks(season.Season)[0].ToBytes());
        yield return ("round-opened", new RoundOpened(0, at).ToBytes());
        yield return ("round-closed", new RoundClosed(0, at + 1000).ToBytes());
        yield return ("round-extended", new RoundExtended(0, at, at + 86_400_000, "server outage 21:03-21:17").ToBytes());
        int picks = Math.Min(season.Season.Rounds[0].Ballot.MaxPicks, 11);
        ushort[] chosen = Enumerable.Range(0, picks).Select(i => (ushort)i).ToArray();
        yield return ("ballot", new BallotEntry(SampleBallot(season, 1, 7, chosen)).ToBytes());
        yield return ("ballot-one-pick", new BallotEntry(SampleBallot(season, 2, 0, 3)).ToBytes());
        if (season.Season.Evaluations.Count > 0)
        {
            yield return ("evaluation-result", new EvaluationResultRecorded(0, 1, "groupWin", 3000, 0xFFFF).ToBytes());
            yield return ("grade", new GradeEntered(0, 2, 'A').ToBytes());
        }

        yield return ("quarantine-range", QuarantineEntry.ForRange(5, 9, QuarantineReason.Automation, "bot burst").ToBytes());
        yield return ("quarantine-list", QuarantineEntry.ForEntries([4, 6], QuarantineReason.VoteBuying, "bought votes").ToBytes());
        yield return ("quarantine-voter", QuarantineEntry.ForVoter(new VoterPseudonym(1, 2), 0, QuarantineReason.MultipleAccounts, "").ToBytes());
        yield return ("announcement", new AnnouncementPublished(0,
        [
            new PublishedRank(0, 1, 1234.5m, SeatStatus.Survived),
            new PublishedRank(1, 2, 99m, SeatStatus.SpecialSeat, "X"),
            new PublishedRank(2, 3, 0m, SeatStatus.Eliminated),
        ]).ToBytes());
    }
}
