using KPops.Voting.Ballots;
using KPops.Voting.Entries;
using static KPops.Voting.Tests.TestBallots;

namespace KPops.Voting.Tests.Tallies;

public sealed class TallyTests
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    [Fact]
    public void Tallies_equal_a_naive_recount_of_random_ballots()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);
        var random = new Random(101);
        var round = season.Round(0).Round;
        string[] trainees = ["t01", "t02", "t03", "t04", "t05", "t06", "ghost"];
        var voted = new HashSet<(string Voter, DateOnly Day)>();
        var expected = new Dictionary<(string Trainee, string Segment), long>();
        var expectedAccepted = 0;

        for (var i = 0; i < 3_000; i++)
        {
            var voter = "v" + random.Next(300);
            var at = round.OpensAt.AddMinutes(random.Next(-120, (int)(round.ClosesAt - round.OpensAt).TotalMinutes + 120));
            var picks = Enumerable.Range(0, random.Next(0, 5)).Select(_ => trainees[random.Next(trainees.Length)]).ToArray();
            var segment = random.Next(2) == 0 ? "korea" : "global";

            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Seoul).DateTime);
            var kPicks = picks.Count(p => p is "t01" or "t02" or "t03");
            var valid = at >= round.OpensAt && at < round.ClosesAt
                && picks.Length is >= 1 and <= 3
                && picks.Distinct().Count() == picks.Length
                && !picks.Contains("ghost")
                && kPicks is >= 1 and <= 2
                && !voted.Contains((voter, day));

            var check = log.Submit(Make(season, "r1", voter, at, picks, nonce: (uint)i, segment: segment));

            Assert.Equal(valid, check == BallotCheck.Accepted);
            if (valid)
            {
                voted.Add((voter, day));
                expectedAccepted++;
                foreach (var pick in picks)
                {
                    expected[(pick, segment)] = expected.GetValueOrDefault((pick, segment)) + 1;
                }
            }
        }

        Assert.Equal(expectedAccepted, log.State.Tallies.BallotsCounted);
        foreach (var trainee in trainees[..6])
        {
            foreach (var segment in new[] { "korea", "global" })
            {
                Assert.Equal(expected.GetValueOrDefault((trainee, segment)), log.State.Tallies.Votes("r1", trainee, segment));
            }

            Assert.Equal(
                expected.GetValueOrDefault((trainee, "korea")) + expected.GetValueOrDefault((trainee, "global")),
                log.State.Tallies.Votes("r1", trainee));
        }
    }

    [Fact]
    public void Replaying_the_log_rebuilds_the_same_tallies_and_quotas()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);
        var random = new Random(5);
        var at = TestSeasons.R1Opens.AddHours(2);
        string[][] ballots = [["t01"], ["t02", "t04"], ["t03", "t05", "t06"], ["t01", "t06"]];
        for (var i = 0; i < 500; i++)
        {
            log.Submit(Make(season, "r1", "v" + i, at.AddMinutes(random.Next(3000)), ballots[random.Next(ballots.Length)], segment: i % 3 == 0 ? "global" : "korea"));
        }

        log.Append(new EvaluationResultRecorded(0, 3, "groupWin", 3000));
        log.Append(new GradeEntered(1, 1, 'A'));

        using var replayer = new LogReplayer(log.History);
        replayer.ReplayTo(log.History.Count);

        Assert.Empty(replayer.Findings);
        var replayed = replayer.State!;
        for (var t = 0; t < season.TraineeCount; t++)
        {
            for (var s = 0; s < season.SegmentCount; s++)
            {
                Assert.Equal(log.State.Tallies.Votes(0, t, s, 0), replayed.Tallies.Votes(0, t, s, 0));
            }
        }

        Assert.Equal(log.State.Tallies.Results, replayed.Tallies.Results);
        Assert.Equal(1000, replayed.Tallies.Results[1].Value);
        // The quota state came back too: every voter has used today's ballot.
        var again = Make(season, "r1", "v0", DateTimeOffset.FromUnixTimeMilliseconds(ReadBallot(log, 0).ServerTimeMs), ["t01"], nonce: 99);
        Assert.Equal(BallotCheck.QuotaExhausted, replayed.Check(again, out _));
    }

    [Fact]
    public void Replay_reports_and_skips_a_ballot_the_rules_reject()
    {
        var season = TestSeasons.Planet();
        using var log = new TestLog(season);
        var at = TestSeasons.R1Opens.AddHours(2);
        log.Submit(Make(season, "r1", "fan", at, ["t01"], nonce: 1));
        var second = log.AppendUnchecked(Encode(Make(season, "r1", "fan", at.AddMinutes(1), ["t02"], nonce: 2)));
        var garbage = log.AppendUnchecked([1, 5, 0]);

        using var replayer = new LogReplayer(log.History);
        replayer.ReplayTo(log.History.Count);

        Assert.Equal(
            [(second, "quota-exhausted"), (garbage, "undecodable")],
            replayer.Findings.Select(f => (f.EntryIndex, f.Code)));
        Assert.Equal(0, replayer.State!.Tallies.Votes("r1", "t02"));
    }

    private static Ballot ReadBallot(TestLog log, int nth)
    {
        var seen = 0;
        for (var i = 0L; i < log.History.Count; i++)
        {
            log.History.TryRead(i, out var entry);
            if (BallotCodec.TryRead(entry.Span, out var ballot, out _) && seen++ == nth)
            {
                return ballot;
            }
        }

        throw new InvalidOperationException("no such ballot");
    }
}
