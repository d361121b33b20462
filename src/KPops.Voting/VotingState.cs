using KPops.Format.Model;
using KPops.Format.Ranking;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;
using KPops.Voting.Tallies;

namespace KPops.Voting;

/// <summary>
/// Everything the log's entries add up to: round windows, eligibility, quotas, idempotency keys, tallies,
/// quarantines and published rankings. The live sequencer and every replay or recount change it through the
/// same two methods — <see cref="TryAccept"/> for ballots and <see cref="Apply"/> for everything else — so
/// live counts always equal a recount of the log. Single-writer: one thread owns it.
/// </summary>
public sealed class VotingState : IDisposable
{
    private readonly RoundWindow[] _windows;
    private readonly ulong[]?[] _eligible;
    private readonly QuotaBook _quotas;
    private readonly Quarantines _quarantines;
    private readonly Dictionary<string, AnnouncementResult> _published = new(StringComparer.Ordinal);

    /// <param name="season">The season the log defines.</param>
    /// <param name="history">Earlier entries, read when a quarantine takes back ballots already counted.</param>
    /// <param name="expectedBallots">Presizes the quota tables.</param>
    public VotingState(CompiledSeason season, IEntryHistory history, int expectedBallots = 0)
    {
        ArgumentNullException.ThrowIfNull(season);
        ArgumentNullException.ThrowIfNull(history);
        Season = season;
        Tallies = new SeasonTallies(season);
        Embargo = new EmbargoHorizon(season.Season);
        _quotas = new QuotaBook(expectedBallots);
        _quarantines = new Quarantines(history);
        _windows = new RoundWindow[season.RoundCount];
        _eligible = new ulong[]?[season.RoundCount];
        for (var r = 0; r < season.RoundCount; r++)
        {
            var round = season.Round(r);
            _windows[r] = new RoundWindow(round.OpensAtMs, round.ClosesAtMs, Closed: false);
            var eligibility = round.Round.Eligible;
            if (eligibility.SurvivorsOf is null || eligibility.Trainees is not null)
            {
                _eligible[r] = season.ResolveEligibility(eligibility, _published);
            }
        }
    }

    public CompiledSeason Season { get; }
    public SeasonTallies Tallies { get; }

    /// <summary>Which ballot entries are still under embargo (the public log withholds entry bundles from there on).</summary>
    public EmbargoHorizon Embargo { get; }

    /// <summary>Announcements published so far, by id, as their entries recorded them.</summary>
    public IReadOnlyDictionary<string, AnnouncementResult> Published => _published;

    /// <summary>Bytes held by the quota and idempotency tables.</summary>
    public long QuotaResidentBytes => _quotas.ResidentBytes;

    public RoundWindow Window(int round) => _windows[round];

    /// <summary>Whether a trainee may be picked in a round now (false until a survivorsOf pool is published).</summary>
    public bool IsEligible(int round, int trainee) =>
        _eligible[round] is { } bits && (bits[trainee >> 6] & (1UL << trainee)) != 0;

    /// <summary>
    /// Hints that <paramref name="ballot"/> will be checked soon. With millions of voters the quota table is
    /// far bigger than the CPU cache and each check waits for memory; a sequencer that calls this for every
    /// ballot of a batch before checking them lets those waits overlap. Has no other effect.
    /// </summary>
    public void Prefetch(in Ballot ballot)
    {
        if (ballot.Round < Season.RoundCount)
        {
            _quotas.Prefetch(ballot);
        }
    }

    /// <summary>
    /// Checks a ballot against the current state without changing it. The ballot's
    /// <see cref="Ballot.ServerTimeMs"/> is the clock. On <see cref="BallotCheck.DuplicateBallot"/>,
    /// <paramref name="originalIndex"/> is the accepted ballot's entry index, whose receipt answers the caller.
    /// </summary>
    public BallotCheck Check(in Ballot ballot, out long originalIndex)
    {
        var check = CheckRules(ballot, out originalIndex);
        return check == BallotCheck.Accepted ? _quotas.Check(ballot, Season.Round(ballot.Round), out originalIndex) : check;
    }

    /// <summary>Every check but the quota and idempotency tables.</summary>
    private BallotCheck CheckRules(in Ballot ballot, out long originalIndex)
    {
        originalIndex = -1;
        if (ballot.Round >= Season.RoundCount)
        {
            return BallotCheck.UnknownRound;
        }

        var window = _windows[ballot.Round];
        if (ballot.ServerTimeMs < window.OpensAtMs)
        {
            return BallotCheck.RoundNotOpen;
        }

        if (window.Closed || ballot.ServerTimeMs >= window.ClosesAtMs)
        {
            return BallotCheck.RoundClosed;
        }

        if (ballot.Period != Season.PeriodOf(ballot.Round, ballot.ServerTimeMs))
        {
            return BallotCheck.WrongPeriod;
        }

        var round = Season.Round(ballot.Round);
        var eligible = _eligible[ballot.Round];
        var shape = round.CheckShape(ballot, Season, eligible ?? Season.NobodyEligible);
        if (shape != BallotCheck.Accepted)
        {
            return shape;
        }

        if (_quarantines.HasVoters && _quarantines.IsVoterQuarantined(ballot.Voter, ballot.Round))
        {
            return BallotCheck.VoterQuarantined;
        }

        return BallotCheck.Accepted;
    }

    /// <summary>
    /// Checks a ballot and, when it is accepted, records it as log entry <paramref name="entryIndex"/>:
    /// quotas, idempotency key and tallies. The caller then appends exactly that ballot at that index.
    /// </summary>
    public BallotCheck TryAccept(in Ballot ballot, long entryIndex, out long originalIndex)
    {
        // Replay passes every ballot entry of the log here, counted or not: its picks are readable either way.
        Embargo.NoteBallot(ballot.Round, entryIndex);
        var check = CheckRules(ballot, out originalIndex);
        if (check != BallotCheck.Accepted)
        {
            return check;
        }

        check = _quotas.TryRecord(ballot, Season.Round(ballot.Round), entryIndex, out originalIndex);
        if (check == BallotCheck.Accepted)
        {
            Tallies.Count(ballot, 1);
        }

        return check;
    }

    /// <summary>
    /// Records, as log entry <paramref name="entryIndex"/>, a ballot that <see cref="Check"/> accepted against this
    /// very state, with nothing since then touching its voter, round, period and channel (the sequencer's batch
    /// holds at most one ballot per such key, and non-ballot entries start a batch of their own). It makes exactly
    /// the changes <see cref="TryAccept"/> would make for it, without checking the rules a second time; replay
    /// and recount keep going through <see cref="TryAccept"/>, and the tests compare the two states.
    /// </summary>
    public void RecordChecked(in Ballot ballot, long entryIndex)
    {
        _quotas.Record(ballot, Season.Round(ballot.Round), entryIndex);
        Embargo.NoteBallot(ballot.Round, entryIndex);
        Tallies.Count(ballot, 1);
    }

    /// <summary>
    /// Records that the ballot at <paramref name="entryIndex"/> is in the log but was not counted (a replay
    /// found it invalid), so that a later quarantine does not take it back a second time.
    /// </summary>
    public void MarkUncounted(long entryIndex) => _quarantines.MarkUncounted(entryIndex);

    /// <summary>
    /// Applies a non-ballot entry that sits at <paramref name="entryIndex"/>. Returns null, or what is wrong with
    /// the entry — in which case nothing changed. Check first with <see cref="Validate"/> before appending.
    /// </summary>
    public string? Apply(LogEntry entry, long entryIndex)
    {
        var problem = Validate(entry, entryIndex);
        if (problem is not null)
        {
            return problem;
        }

        switch (entry)
        {
            case RoundOpened opened:
                _windows[opened.Round] = _windows[opened.Round] with { OpensAtMs = opened.AtMs };
                break;
            case RoundExtended extended:
                _windows[extended.Round] = _windows[extended.Round] with { ClosesAtMs = extended.ClosesAtMs };
                break;
            case RoundClosed closed:
                var window = _windows[closed.Round];
                _windows[closed.Round] = window with { ClosesAtMs = Math.Min(window.ClosesAtMs, closed.AtMs), Closed = true };
                Embargo.RoundClosed(closed.Round);
                break;
            case EvaluationResultRecorded recorded:
                Tallies.Record(new EvaluationResult(
                    Season.Season.Evaluations[recorded.Evaluation].Id,
                    Season.TraineeId(recorded.Trainee),
                    recorded.Result,
                    recorded.Value,
                    recorded.Segment == EntryFormat.NoIndex ? null : Season.SegmentIds[recorded.Segment]));
                break;
            case GradeEntered grade:
                var evaluation = Season.Season.Evaluations[grade.Evaluation];
                var letter = grade.Grade.ToString();
                Tallies.Record(new EvaluationResult(
                    evaluation.Id, Season.TraineeId(grade.Trainee), letter, evaluation.Benefits.GetValueOrDefault(letter)));
                break;
            case QuarantineEntry quarantine:
                _quarantines.Apply(quarantine, entryIndex, Tallies);
                break;
            case AnnouncementPublished published:
                Publish(published);
                break;
            default:
                break;
        }

        return null;
    }

    /// <summary>What is wrong with a non-ballot entry in this state, or null when it can be applied.</summary>
    public string? Validate(LogEntry entry, long entryIndex)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry switch
        {
            SeasonDefined => "the season is already defined",
            BallotEntry => "ballots go through TryAccept",
            RoundOpened e => CheckRound(e.Round, allowClosed: false),
            RoundClosed e => CheckRound(e.Round, allowClosed: false),
            RoundExtended e => CheckRound(e.Round, allowClosed: false)
                ?? (e.ClosesAtMs <= _windows[e.Round].OpensAtMs ? "the extension closes the round before it opens" : null),
            EvaluationResultRecorded e => CheckEvaluation(e.Evaluation, e.Trainee)
                ?? (e.Segment != EntryFormat.NoIndex && e.Segment >= Season.SegmentCount ? "unknown segment index" : null),
            GradeEntered e => CheckEvaluation(e.Evaluation, e.Trainee),
            QuarantineEntry e => e.Target == QuarantineTarget.Voter && e.Round != EntryFormat.NoIndex && e.Round >= Season.RoundCount
                ? "unknown round index"
                : null,
            AnnouncementPublished e => CheckAnnouncement(e),
            _ => "unknown entry",
        };
    }

    private string? CheckRound(ushort round, bool allowClosed)
    {
        if (round >= Season.RoundCount)
        {
            return "unknown round index";
        }

        return !allowClosed && _windows[round].Closed ? "the round is already closed" : null;
    }

    private string? CheckEvaluation(ushort evaluation, ushort trainee)
    {
        if (evaluation >= Season.Season.Evaluations.Count)
        {
            return "unknown evaluation index";
        }

        return trainee >= Season.TraineeCount ? "unknown trainee index" : null;
    }

    private string? CheckAnnouncement(AnnouncementPublished entry)
    {
        if (entry.Announcement >= Season.Season.Announcements.Count)
        {
            return "unknown announcement index";
        }

        if (_published.ContainsKey(Season.Season.Announcements[entry.Announcement].Id))
        {
            return "the announcement is already published";
        }

        foreach (var row in entry.Ranking)
        {
            if (row.Trainee >= Season.TraineeCount)
            {
                return "unknown trainee index";
            }
        }

        return null;
    }

    private void Publish(AnnouncementPublished entry)
    {
        var result = PublishedRankings.ToResult(Season, entry);
        _published.Add(result.Announcement, result);
        Embargo.AnnouncementPublished(entry.Announcement);
        for (var r = 0; r < Season.RoundCount; r++)
        {
            var eligibility = Season.Round(r).Round.Eligible;
            if (eligibility.Trainees is null && eligibility.SurvivorsOf == result.Announcement)
            {
                _eligible[r] = Season.ResolveEligibility(eligibility, _published);
            }
        }
    }

    public void Dispose()
    {
        _quotas.Dispose();
        _quarantines.Dispose();
    }
}
