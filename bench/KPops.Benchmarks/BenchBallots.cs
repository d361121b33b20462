using KPops.Format.Model;
using KPops.Voting.Entries;

namespace KPops.Benchmarks;

/// <summary>The engine benchmark's workload in small: one round, 101 trainees, one pick, one ballot per voter.</summary>
internal static class BenchBallots
{
    public static readonly DateTimeOffset Opens = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static long ServerTimeMs => Opens.AddDays(1).ToUnixTimeMilliseconds();

    public static Season Season() => new()
    {
        Id = "bench",
        Name = new LocalizedText("벤치", "Bench"),
        Trainees = [.. Enumerable.Range(1, 101).Select(i => new Trainee { Id = $"t{i:000}", Hangul = $"연습생{i}" })],
        Rounds =
        [
            new Round
            {
                Id = "final",
                Name = new LocalizedText("결승", "Final"),
                OpensAt = Opens,
                ClosesAt = Opens.AddYears(1),
                Ballot = new BallotRule { MaxPicks = 1, Period = PeriodKind.Round },
            },
        ],
    };

    /// <summary>The ballot of voter number <paramref name="voter"/>: a distinct pseudonym, one pick.</summary>
    public static Ballot Of(long voter)
    {
        Span<ushort> pick = [(ushort)(voter % 101)];
        return new Ballot(pick)
        {
            Voter = new VoterPseudonym(Mix((ulong)voter), Mix((ulong)voter ^ 0x5DEECE66DUL)),
            ServerTimeMs = ServerTimeMs,
        };
    }

    public static void Fill(Span<Ballot> ballots, long firstVoter)
    {
        for (var i = 0; i < ballots.Length; i++)
        {
            ballots[i] = Of(firstVoter + i);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
