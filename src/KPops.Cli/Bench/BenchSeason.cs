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

    public static Season Create() => new()
    {
        Id = "bench-engine",
        Name = new LocalizedText("엔진 벤치마크", "Engine benchmark"),
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
                OpensAt = Opens,
                ClosesAt = Opens.AddYears(1),
                Ballot = new BallotRule { MinPicks = 1, MaxPicks = 1, Period = PeriodKind.Round },
            },
        ],
    };
}
