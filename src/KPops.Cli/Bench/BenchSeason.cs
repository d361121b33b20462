using System.Globalization;
using KPops.Format.Model;

namespace KPops.Cli.Bench;

/// <summary>
/// The baselines' workload as a season (see shared/baselines/README.md): one round, 101 trainees, one pick,
/// one ballot per voter for the whole round.
/// </summary>
internal static class BenchSeason
{
    public const int Trainees = 101;

    public static readonly DateTimeOffset Opens = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The engine benchmark's season: its round open for a year from a fixed instant.</summary>
    public static Season Create() => Create("bench-engine", new LocalizedText("엔진 벤치마크", "Engine benchmark"), Opens, Opens.AddYears(1));

    /// <summary>The same workload under another name, its round <c>final</c> open from <paramref name="opens"/> to <paramref name="closes"/>.</summary>
    public static Season Create(string id, LocalizedText name, DateTimeOffset opens, DateTimeOffset closes) => new()
    {
        Id = id,
        Name = name,
        TimeZone = "Asia/Seoul",
        Trainees = [.. Enumerable.Range(1, Trainees).Select(i => new Trainee
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"t{i:000}"),
            Hangul = "연습생" + i.ToString(CultureInfo.InvariantCulture),
        })],
        Rounds =
        [
            new Round
            {
                Id = "final",
                Name = new LocalizedText("결승", "Final"),
                OpensAt = opens,
                ClosesAt = closes,
                Ballot = new BallotRule { MinPicks = 1, MaxPicks = 1, Period = PeriodKind.Round },
            },
        ],
    };
}
