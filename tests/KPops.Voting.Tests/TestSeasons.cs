using KPops.Format;
using KPops.Format.Model;
using KPops.Voting.Ballots;

namespace KPops.Voting.Tests;

/// <summary>Small seasons written as season-file JSON, parsed and validated the way production loads them.</summary>
internal static class TestSeasons
{
    /// <summary>Round r1 opens 2026-03-01 10:00 KST and closes 2026-03-05 10:00 KST.</summary>
    public static readonly DateTimeOffset R1Opens = DateTimeOffset.Parse("2026-03-01T10:00:00+09:00");

    /// <summary>
    /// Six trainees in groups K (t01–t03) and G (t04–t06); segments korea / global; round r1 asks for 1–3
    /// distinct picks with at most two from K and at least one from K, once a day in Asia/Seoul; round r2
    /// (survivors of a1) asks for exactly one pick on web (1 vote) or sms (7 votes, 2 ballots a day).
    /// </summary>
    public const string PlanetJson = """
        {
          "id": "test-planet",
          "name": { "ko": "테스트 플래닛", "en": "Test Planet" },
          "timeZone": "Asia/Seoul",
          "groups": [
            { "id": "k", "name": { "ko": "K", "en": "K" } },
            { "id": "g", "name": { "ko": "G", "en": "G" } }
          ],
          "segments": [
            { "id": "korea", "name": { "ko": "한국", "en": "Korea" } },
            { "id": "global", "name": { "ko": "글로벌", "en": "Global" } }
          ],
          "trainees": [
            { "id": "t01", "hangul": "김민준", "group": "k" },
            { "id": "t02", "hangul": "이서준", "group": "k" },
            { "id": "t03", "hangul": "박도윤", "group": "k" },
            { "id": "t04", "hangul": "최예준", "group": "g" },
            { "id": "t05", "hangul": "정시우", "group": "g" },
            { "id": "t06", "hangul": "강하준", "group": "g" }
          ],
          "rounds": [
            {
              "id": "r1",
              "name": { "ko": "1차", "en": "First vote" },
              "opensAt": "2026-03-01T10:00:00+09:00",
              "closesAt": "2026-03-05T10:00:00+09:00",
              "ballot": {
                "minPicks": 1,
                "maxPicks": 3,
                "groupConstraints": [ { "group": "k", "min": 1, "max": 2 } ]
              }
            },
            {
              "id": "r2",
              "name": { "ko": "2차", "en": "Second vote" },
              "opensAt": "2026-03-06T10:00:00+09:00",
              "closesAt": "2026-03-08T10:00:00+09:00",
              "eligible": { "survivorsOf": "a1" },
              "ballot": {
                "minPicks": 1,
                "maxPicks": 1,
                "channels": [ { "id": "web" }, { "id": "sms", "votesPerPick": 7, "ballotsPerPeriod": 2 } ]
              }
            }
          ],
          "evaluations": [
            {
              "id": "e1",
              "name": { "ko": "그룹 배틀", "en": "Group battle" },
              "benefits": { "groupWin": 3000 }
            },
            {
              "id": "level",
              "name": { "ko": "레벨 평가", "en": "Level test" },
              "kind": "grade",
              "benefits": { "A": 1000 }
            }
          ],
          "announcements": [
            {
              "id": "a1",
              "name": { "ko": "1차 순위 발표", "en": "First ranking" },
              "sources": [
                { "label": "online", "rounds": [ "r1" ] },
                { "label": "benefits", "kind": "evaluations", "evaluations": [ "e1", "level" ] }
              ],
              "cutLine": 4
            },
            {
              "id": "a2",
              "name": { "ko": "2차 순위 발표", "en": "Second ranking" },
              "pool": { "survivorsOf": "a1" },
              "sources": [ { "label": "online", "rounds": [ "r2" ] } ],
              "cutLine": 2
            }
          ]
        }
        """;

    /// <summary>
    /// Three countries that vote as segments and compete as entries; nobody may vote for their own country.
    /// One round, one pick, up to 20 ballots per voter for the whole round.
    /// </summary>
    public const string EurovisionJson = """
        {
          "id": "test-contest",
          "name": { "ko": "테스트 콘테스트", "en": "Test Contest" },
          "timeZone": "Europe/Stockholm",
          "segments": [
            { "id": "se", "name": { "ko": "스웨덴", "en": "Sweden" } },
            { "id": "no", "name": { "ko": "노르웨이", "en": "Norway" } },
            { "id": "fi", "name": { "ko": "핀란드", "en": "Finland" } }
          ],
          "trainees": [
            { "id": "se-entry", "hangul": "Sverige", "homeSegment": "se" },
            { "id": "no-entry", "hangul": "Norge", "homeSegment": "no" },
            { "id": "fi-entry", "hangul": "Suomi", "homeSegment": "fi" }
          ],
          "rounds": [
            {
              "id": "final",
              "name": { "ko": "결승", "en": "Final" },
              "opensAt": "2026-05-16T21:00:00+02:00",
              "closesAt": "2026-05-16T23:59:00+02:00",
              "ballot": { "minPicks": 1, "maxPicks": 1, "ballotsPerPeriod": 20, "period": "round", "excludeOwnSegment": true }
            }
          ],
          "announcements": [
            {
              "id": "result",
              "name": { "ko": "결과", "en": "Result" },
              "sources": [ { "label": "televote", "rounds": [ "final" ] } ]
            }
          ]
        }
        """;

    public static Season Load(string json)
    {
        var loaded = SeasonFile.Parse(json);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        return loaded.Season;
    }

    public static CompiledSeason Planet() => new(Load(PlanetJson));

    public static CompiledSeason Eurovision() => new(Load(EurovisionJson));

    public static CompiledSeason AmericanIdol() => new(Presets.Load("american-idol"));
}
