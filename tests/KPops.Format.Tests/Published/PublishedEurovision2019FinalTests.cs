using KPops.Format.Model;
using KPops.Format.Ranking;
using Xunit;

namespace KPops.Format.Tests;

/// <summary>
/// Reproduces a published real result from its published inputs: the Eurovision Song Contest 2019 grand final
/// (Tel Aviv, 18 May 2019), as corrected by the EBU on 22 May 2019 ("EBU issues statement on Eurovision 2019
/// Grand Final jury result", eurovision.tv). The per-country jury and televote points
/// (<c>eurovision-2019-final.csv</c>, see its header for where they come from) go through the Eurovision preset's
/// own rules and the ranking engine; the scoreboard that comes out must be the one the EBU published.
/// </summary>
public class PublishedEurovision2019FinalTests
{
    /// <summary>
    /// The published scoreboard, in final order: total (EBU corrected result), televote (metro.co.uk's televote
    /// table of 19 May 2019; the correction did not touch televotes) and jury (the difference; the jury leaders
    /// North Macedonia 247, Sweden 241 and the Netherlands 237 are as reported by 58points.com and rozegolf.net).
    /// Slovenia and France tie on 105; Slovenia is 15th on its larger televote score.
    /// </summary>
    private static readonly (string Country, int Total, int Jury, int Televote)[] Published =
    [
        ("nl", 498, 237, 261), ("it", 472, 219, 253), ("ru", 370, 126, 244), ("ch", 364, 152, 212),
        ("se", 334, 241, 93), ("no", 331, 40, 291), ("mk", 305, 247, 58), ("az", 302, 202, 100),
        ("au", 284, 153, 131), ("is", 232, 46, 186), ("cz", 157, 150, 7), ("dk", 120, 69, 51),
        ("cy", 109, 77, 32), ("mt", 107, 87, 20), ("si", 105, 46, 59), ("fr", 105, 67, 38),
        ("al", 90, 43, 47), ("rs", 89, 35, 54), ("sm", 77, 12, 65), ("ee", 76, 28, 48),
        ("gr", 74, 50, 24), ("es", 54, 1, 53), ("il", 35, 0, 35), ("by", 31, 18, 13),
        ("de", 24, 24, 0), ("gb", 11, 8, 3),
    ];

    private static readonly int[] Scale = [1, 2, 3, 4, 5, 6, 7, 8, 10, 12];

    private readonly EurovisionScoreboard _published = EurovisionScoreboard.Read("eurovision-2019-final.csv");

    [Fact]
    public void The_fixture_gives_each_of_41_countries_one_jury_and_one_televote_set_of_12_10_8_to_1_and_nothing_to_itself()
    {
        Assert.Equal(26, _published.Finalists.Count);
        Assert.Equal(41, _published.Voters.Count);
        foreach (var votes in new[] { _published.Jury, _published.Televote })
        {
            foreach (var voter in _published.Voters)
            {
                var given = votes.Where(v => v.Voter == voter).ToList();
                Assert.Equal(Scale, given.Select(v => v.Points).Order());
                Assert.DoesNotContain(given, v => v.Finalist == voter);
            }
        }
    }

    [Fact]
    public void The_preset_s_rules_reproduce_the_published_2019_final_scoreboard()
    {
        var season = Season2019();
        var ranking = RankingEngine.Rank(season, "final", Counts(), new Dictionary<string, AnnouncementResult>()).Ranking;

        Assert.Equal(Published.Select(p => p.Country), ranking.Select(r => r.Trainee));
        for (var i = 0; i < Published.Length; i++)
        {
            var (country, total, jury, televote) = Published[i];
            var entry = ranking[i];
            Assert.Equal((country, i + 1, (decimal)total), (entry.Trainee, entry.Rank, entry.Score));
            Assert.Equal([("jury", (decimal)jury), ("televote", (decimal)televote)], entry.Breakdown.Select(b => (b.Label, b.Points)));
        }

        Assert.Equal((SeatStatus.Survived, 1), (ranking[0].Status, ranking.Count(r => r.Status == SeatStatus.Survived)));
    }

    [Fact]
    public void Slovenia_is_placed_above_France_on_equal_points_by_the_televote_tie_break()
    {
        var ranking = RankingEngine.Rank(Season2019(), "final", Counts(), new Dictionary<string, AnnouncementResult>()).Ranking;
        var slovenia = ranking.Single(r => r.Trainee == "si");
        var france = ranking.Single(r => r.Trainee == "fr");

        Assert.Equal(slovenia.Score, france.Score);
        Assert.Equal((15, 16), (slovenia.Rank, france.Rank));
        Assert.NotNull(slovenia.TieBrokenBy ?? france.TieBrokenBy);
    }

    /// <summary>The Eurovision preset's rules with the 2019 final's finalists and voting countries (no rest-of-world vote until 2023).</summary>
    private Season Season2019()
    {
        var preset = Presets.Load("eurovision");
        var season = preset with
        {
            Id = "eurovision-2019",
            Trainees = _published.Finalists.Select(code => new Trainee { Id = code, Hangul = code.ToUpperInvariant(), HomeSegment = code }).ToList(),
            Segments = _published.Voters.Select(code => new Segment { Id = code, Name = new LocalizedText(code, code) }).ToList(),
        };
        var validation = SeasonFile.Parse(SeasonFile.Serialize(season), "eurovision-2019");
        Assert.Empty(validation.Errors);
        return validation.Season!;
    }

    private InMemorySeasonCounts Counts()
    {
        var counts = new InMemorySeasonCounts();
        foreach (var (voter, finalist, points) in _published.Jury)
        {
            counts.AddResult(new EvaluationResult("jury", finalist, "points", points, voter));
        }

        // A country's televote points are the published record of its top-ten order; entered as that country's
        // counts, they make the engine rank its ten in the same order and award the points afresh.
        foreach (var (voter, finalist, points) in _published.Televote)
        {
            counts.Add("televote", finalist, voter, "phone", points);
        }

        return counts;
    }
}
