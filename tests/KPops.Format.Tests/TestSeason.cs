using KPops.Format.Model;

namespace KPops.Format.Tests;

/// <summary>
/// Builds small seasons in code. <see cref="Valid"/> is a baseline that passes validation; tests change one
/// thing with <c>with</c> and assert exactly the error that change causes.
/// </summary>
internal static class TestSeason
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 21, 0, 0, TimeSpan.FromHours(9));

    public static LocalizedText Name(string en) => new($"{en} 한국어", en);

    public static Trainee Trainee(string id, string? group = null, string? home = null) =>
        new() { Id = id, Hangul = "김" + id, Group = group, HomeSegment = home };

    public static Round Round(string id, int maxPicks = 1, Eligibility? eligible = null, int week = 0) => new()
    {
        Id = id,
        Name = Name(id),
        OpensAt = Start.AddDays(7 * week),
        ClosesAt = Start.AddDays((7 * week) + 6),
        Eligible = eligible ?? new Eligibility(),
        Ballot = new BallotRule { MaxPicks = maxPicks },
    };

    public static ScoreSource Votes(string label, params string[] rounds) => new() { Label = label, Rounds = rounds };

    public static ScoreSource Benefits(string label, params string[] evaluations) =>
        new() { Label = label, Kind = SourceKind.Evaluations, Evaluations = evaluations };

    public static Announcement Announcement(string id, params ScoreSource[] sources) =>
        new() { Id = id, Name = Name(id), Sources = sources };

    public static Evaluation Evaluation(string id, EvaluationKind kind = EvaluationKind.Mission, Dictionary<string, long>? benefits = null) =>
        new() { Id = id, Name = Name(id), Kind = kind, Benefits = benefits ?? [] };

    public static Season Season(IReadOnlyList<Trainee> trainees, IReadOnlyList<Round>? rounds = null, IReadOnlyList<Announcement>? announcements = null) => new()
    {
        Id = "test-season",
        Name = Name("Test season"),
        Trainees = trainees,
        Rounds = rounds ?? [],
        Announcements = announcements ?? [],
    };

    /// <summary>
    /// Four trainees in groups k and g, segments kr and gl, one round, one mission, one announcement with a
    /// cut line of 2.
    /// </summary>
    public static Season Valid() => new()
    {
        Id = "test-season",
        Name = Name("Test season"),
        Groups = [new TraineeGroup { Id = "k", Name = Name("K") }, new TraineeGroup { Id = "g", Name = Name("G") }],
        Segments = [new Segment { Id = "kr", Name = Name("Korea") }, new Segment { Id = "gl", Name = Name("Global") }],
        Trainees = [Trainee("a", "k"), Trainee("b", "k"), Trainee("c", "g"), Trainee("d", "g")],
        Rounds = [Round("r1", maxPicks: 2)],
        Evaluations = [Evaluation("battle", benefits: new() { ["win"] = 3000 })],
        Announcements = [Announcement("ep1", Votes("online", "r1"), Benefits("benefits", "battle")) with { CutLine = 2 }],
    };

    /// <summary>Replaces the first round of <see cref="Valid"/>.</summary>
    public static Season WithRound(Func<Round, Round> change)
    {
        var season = Valid();
        return season with { Rounds = [change(season.Rounds[0]), .. season.Rounds.Skip(1)] };
    }

    /// <summary>Replaces the first round's ballot rule of <see cref="Valid"/>.</summary>
    public static Season WithBallot(Func<BallotRule, BallotRule> change) =>
        WithRound(round => round with { Ballot = change(round.Ballot) });

    /// <summary>Replaces the first announcement of <see cref="Valid"/>.</summary>
    public static Season WithAnnouncement(Func<Announcement, Announcement> change)
    {
        var season = Valid();
        return season with { Announcements = [change(season.Announcements[0]), .. season.Announcements.Skip(1)] };
    }
}
