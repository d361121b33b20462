using KPops.Format.Model;
using KPops.Format.Ranking;

namespace KPops.Format.Simulation;

/// <summary>The state of one <see cref="SeasonSimulator.Run"/>: what has been simulated, judged and announced so far.</summary>
internal sealed class SeasonRun
{
    private readonly Season _season;
    private readonly SimulationOptions _options;
    private readonly SeasonIndex _index;
    private readonly TraineePopularity _popularity;
    private readonly FanBase _fans;
    private readonly EvaluationJudge _judge;
    private readonly TimeZoneInfo _zone;
    private readonly InMemorySeasonCounts _counts = new();
    private readonly List<AnnouncementResult> _announced = [];
    private readonly Dictionary<string, AnnouncementResult> _announcedById = new(StringComparer.Ordinal);
    private readonly List<RoundTurnout> _turnout = [];
    private readonly HashSet<string> _simulatedRounds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _judgedEvaluations = new(StringComparer.Ordinal);

    public SeasonRun(Season season, SimulationOptions options)
    {
        _season = season;
        _options = options;
        _index = new SeasonIndex(season);
        _popularity = new TraineePopularity(_index.Trainees, _index.Segments, StableSeed.Stream(options.Seed, "popularity"));
        _fans = new FanBase(options.Fans, _index.Segments, StableSeed.Stream(options.Seed, "fans"));
        _judge = new EvaluationJudge(_index, _popularity);
        _zone = TimeZoneInfo.FindSystemTimeZoneById(season.TimeZone);
    }

    public SimulationResult Run()
    {
        foreach (var announcement in _season.Announcements)
        {
            foreach (var round in RoundsFeeding(announcement))
            {
                SimulateRound(round);
            }

            foreach (var evaluation in EvaluationsFeeding(announcement))
            {
                Judge(evaluation, announcement);
            }

            var result = Rank(announcement);
            _announced.Add(result);
            _announcedById[announcement.Id] = result;
        }

        // Rounds no announcement counts still take votes in a real season; simulate them for complete counts.
        foreach (var round in _season.Rounds.Where(r => !_simulatedRounds.Contains(r.Id)).ToList())
        {
            SimulateRound(round);
        }

        _options.Progress?.Invoke(new SimulationProgress("done", 1.0));
        return new SimulationResult(_counts, _announced, _turnout);
    }

    /// <summary>Rounds counted by the announcement (or its special seats) that have not been simulated yet, in season order.</summary>
    private List<Round> RoundsFeeding(Announcement announcement)
    {
        var sources = announcement.Sources.Concat(announcement.SpecialSeats.SelectMany(s => s.Sources));
        var counted = sources.Where(s => s.Kind != SourceKind.Evaluations).SelectMany(s => s.Rounds).ToHashSet(StringComparer.Ordinal);
        return _season.Rounds.Where(r => counted.Contains(r.Id) && !_simulatedRounds.Contains(r.Id)).ToList();
    }

    /// <summary>Evaluations counted by the announcement's sources that have not been judged yet, in season order.</summary>
    private List<Evaluation> EvaluationsFeeding(Announcement announcement)
    {
        var counted = announcement.Sources
            .Concat(announcement.SpecialSeats.SelectMany(s => s.Sources))
            .Where(s => s.Kind == SourceKind.Evaluations)
            .SelectMany(s => s.Evaluations)
            .ToHashSet(StringComparer.Ordinal);
        return _season.Evaluations.Where(e => counted.Contains(e.Id) && !_judgedEvaluations.Contains(e.Id)).ToList();
    }

    private void SimulateRound(Round round)
    {
        if (_simulatedRounds.Count > 0)
        {
            _popularity.Drift(StableSeed.Stream(_options.Seed, "drift", round.Id));
        }

        var roundNumber = _simulatedRounds.Count;
        _simulatedRounds.Add(round.Id);
        var eligible = ResolveEligible(round.Eligible);
        var plan = new RoundPlan(_index, round, eligible, _popularity, _zone);
        var tally = new long[_index.Trainees * _index.Segments * plan.Channels.Length];
        Action<double>? progress = _options.Progress is { } report
            ? fraction => report(new SimulationProgress($"round {round.Id}", (roundNumber + fraction) / _season.Rounds.Count))
            : null;
        _turnout.Add(RoundVoting.Run(plan, _index, _fans, StableSeed.Stream(_options.Seed, "round", round.Id), tally, progress));

        for (var t = 0; t < _index.Trainees; t++)
        {
            for (var s = 0; s < _index.Segments; s++)
            {
                for (var c = 0; c < plan.Channels.Length; c++)
                {
                    var votes = tally[(((t * _index.Segments) + s) * plan.Channels.Length) + c];
                    if (votes > 0)
                    {
                        _counts.Add(round.Id, _index.TraineeIds[t], _index.SegmentIds[s], plan.Channels[c].Id, votes);
                    }
                }
            }
        }
    }

    private void Judge(Evaluation evaluation, Announcement announcement)
    {
        _judgedEvaluations.Add(evaluation.Id);
        var pool = Indices(ResolveEligible(announcement.Pool));
        foreach (var result in _judge.Award(evaluation, pool, StableSeed.Stream(_options.Seed, "evaluation", evaluation.Id)))
        {
            _counts.AddResult(result);
        }
    }

    /// <summary>
    /// Ranks the announcement. Producers' picks are made knowing the count, as in I-LAND: a first ranking
    /// shows who fell below the cut, the pick is made among them, and the announcement is ranked again.
    /// </summary>
    private AnnouncementResult Rank(Announcement announcement)
    {
        var result = RankWithEngine(announcement);
        var picks = announcement.SpecialSeats
            .Where(s => s.Kind == SpecialSeatKind.EvaluationPick && s.Evaluation is not null && !_judgedEvaluations.Contains(s.Evaluation))
            .ToList();
        if (picks.Count == 0)
        {
            return result;
        }

        var eliminated = Indices(result.Ranking.Where(r => r.Status == SeatStatus.Eliminated).Select(r => r.Trainee));
        foreach (var seat in picks)
        {
            var evaluation = _season.Evaluations.First(e => string.Equals(e.Id, seat.Evaluation, StringComparison.Ordinal));
            _judgedEvaluations.Add(evaluation.Id);
            foreach (var pick in _judge.Picks(evaluation, eliminated, seat.Count, StableSeed.Stream(_options.Seed, "pick", evaluation.Id)))
            {
                _counts.AddResult(pick);
            }
        }

        return RankWithEngine(announcement);
    }

    private List<int> Indices(IEnumerable<string> traineeIds) =>
        [.. traineeIds.Select(id => _index.IndexOf(id)).Order()];

    private IReadOnlyList<string> ResolveEligible(Eligibility eligibility) =>
        EligibilityResolver.Resolve(_season, eligibility, _announcedById);

    private AnnouncementResult RankWithEngine(Announcement announcement) =>
        RankingEngine.Rank(_season, announcement.Id, _counts, _announcedById);
}
