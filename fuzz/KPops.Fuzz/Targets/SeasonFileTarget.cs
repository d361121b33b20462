using System.Text;
using KPops.Format;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Fuzz.Targets;

/// <summary>
/// Season file parsing and validation (<see cref="SeasonFile.Parse"/>), what <c>POST /api/seasons</c> and
/// <c>kpops season validate</c> run on uploaded JSON: it reports errors and never throws. A season it accepts must
/// also compile for the ballot path and turn into log entries, as the server does when the season defines its log.
/// </summary>
public sealed class SeasonFileTarget : IFuzzTarget
{
    /// <summary>A small valid season (AFL works best from small seeds; the presets are tens of kilobytes).</summary>
    public const string SmallSeason = """
        {
          "schemaVersion": 1, "id": "s", "name": { "ko": "시즌", "en": "Season" }, "timeZone": "Asia/Seoul",
          "groups": [ { "id": "k", "name": { "ko": "K", "en": "K" } } ],
          "segments": [ { "id": "korea", "name": { "ko": "한국", "en": "Korea" } } ],
          "trainees": [
            { "id": "t1", "hangul": "김지훈", "nationality": "KR", "group": "k" },
            { "id": "t2", "hangul": "리우 양", "romanized": "Liu Yang", "nationality": "CN", "group": "k" },
            { "id": "t3", "hangul": "이현우", "nationality": "KR" }
          ],
          "rounds": [ { "id": "r1", "name": { "ko": "1", "en": "1" }, "opensAt": "2026-03-01T21:00:00+09:00",
            "closesAt": "2026-03-14T23:00:00+09:00",
            "ballot": { "maxPicks": 2, "ballotsPerPeriod": 3, "period": "round", "channels": [ { "id": "web" }, { "id": "sms", "votesPerPick": 7 } ] } } ],
          "evaluations": [ { "id": "level", "name": { "ko": "레벨", "en": "Level" }, "kind": "grade", "benefits": { "A": 1000 } } ],
          "announcements": [ { "id": "ep1", "name": { "ko": "발표", "en": "Ranking" }, "at": "2026-03-14T23:30:00+09:00",
            "sources": [ { "label": "online", "rounds": ["r1"] }, { "label": "b", "kind": "evaluations", "evaluations": ["level"] } ],
            "cutLine": 2 } ]
        }
        """;

    public string Name => "season";

    public string Description => "SeasonFile.Parse of season JSON; valid seasons must compile and encode into the log";

    public void Run(ReadOnlySpan<byte> input)
    {
        SeasonLoadResult result = SeasonFile.Parse(Encoding.UTF8.GetString(input));
        if (result.Season is null || result.Errors.Count > 0)
        {
            return;
        }

        _ = new CompiledSeason(result.Season);
        _ = SeasonDefinition.ToChunks(result.Season);
    }

    public IEnumerable<FuzzSeed> Seeds()
    {
        yield return new FuzzSeed("small", Encoding.UTF8.GetBytes(SmallSeason));
        foreach (string name in Presets.Names)
        {
            yield return new FuzzSeed(name, Encoding.UTF8.GetBytes(Presets.Json(name)));
        }
    }
}
