namespace KPops.Reliability.Tests.Infrastructure;

/// <summary>
/// The season the reliability runs vote in: one round, "live", scheduled in the future (producers open it through the
/// API, as in a show) and closing years later, counted per round (<c>period: round</c>) with a quota high enough that a
/// handful of voters can cast thousands of ballots each. Trainee order is the log's trainee index order.
/// </summary>
internal static class LoadSeason
{
    public const string RoundId = "live";

    public static IReadOnlyList<string> Trainees { get; } = ["t1", "t2", "t3", "t4", "t5", "t6"];

    public const string Json = """
        {
          "schemaVersion": 1,
          "id": "reliability",
          "name": { "ko": "신뢰성 시즌", "en": "Reliability season" },
          "timeZone": "Asia/Seoul",
          "trainees": [
            { "id": "t1", "hangul": "김지훈", "nationality": "KR" },
            { "id": "t2", "hangul": "박서준", "nationality": "KR" },
            { "id": "t3", "hangul": "이현우", "nationality": "KR" },
            { "id": "t4", "hangul": "최민", "nationality": "KR" },
            { "id": "t5", "hangul": "리우 양", "romanized": "Liu Yang", "nationality": "CN" },
            { "id": "t6", "hangul": "사토 렌", "romanized": "Sato Ren", "nationality": "JP" }
          ],
          "rounds": [
            {
              "id": "live",
              "name": { "ko": "생방송 투표", "en": "Live vote" },
              "opensAt": "2035-01-01T20:00:00+09:00",
              "closesAt": "2036-01-01T22:00:00+09:00",
              "ballot": { "minPicks": 1, "maxPicks": 2, "period": "round", "ballotsPerPeriod": 1000000 }
            }
          ],
          "announcements": [
            {
              "id": "final",
              "name": { "ko": "발표", "en": "Final ranking" },
              "at": "2036-01-01T23:00:00+09:00",
              "sources": [ { "label": "live", "rounds": ["live"] } ],
              "cutLine": 3
            }
          ]
        }
        """;
}
