using KPops.Format.Model;

namespace KPops.Voting;

/// <summary>
/// Which ballot entries of the log may be read by the public: a round's ballots stay under embargo until every
/// announcement whose ranking sources count the round is published (they publish the round's per-trainee totals,
/// so its ballots reveal nothing more; a cumulative special seat that also draws on the round does not hold it
/// back). A round only special seats count (a revival vote) waits for every one of those announcements; a round
/// no announcement counts is released when a RoundClosed entry closes it. <see cref="Index"/> is the log index of
/// the first ballot entry still under embargo; entries below it can be served. Kept by <see cref="VotingState"/> as
/// entries are applied, so the live sequencer, a restart's replay and a recount all agree on it. Per ballot it
/// costs one comparison; rounds and announcements are only walked when a round closes or an announcement is published.
/// </summary>
public sealed class EmbargoHorizon
{
    /// <summary>No ballot is under embargo.</summary>
    public const long None = long.MaxValue;

    private readonly long[] _firstBallot;
    private readonly bool[] _released;
    private readonly int[][] _countingAnnouncements;
    private readonly bool[] _publishedAnnouncements;

    public EmbargoHorizon(Season season)
    {
        ArgumentNullException.ThrowIfNull(season);
        var rounds = season.Rounds.Count;
        _firstBallot = new long[rounds];
        Array.Fill(_firstBallot, None);
        _released = new bool[rounds];
        _publishedAnnouncements = new bool[season.Announcements.Count];
        var roundIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < rounds; r++)
        {
            roundIndex[season.Rounds[r].Id] = r;
        }

        var ranked = Counters(season, roundIndex, a => a.Sources);
        var seated = Counters(season, roundIndex, a => a.SpecialSeats.SelectMany(seat => seat.Sources));
        var counting = ranked.Select((list, r) => list.Count > 0 ? list : seated[r]).ToList();
        _countingAnnouncements = counting.Select(list => list.ToArray()).ToArray();
    }

    /// <summary>For each round, the announcements whose <paramref name="sources"/> count its votes.</summary>
    private static List<int>[] Counters(Season season, Dictionary<string, int> roundIndex, Func<Announcement, IEnumerable<ScoreSource>> sources)
    {
        var counting = new List<int>[season.Rounds.Count];
        for (var r = 0; r < counting.Length; r++)
        {
            counting[r] = [];
        }

        for (var a = 0; a < season.Announcements.Count; a++)
        {
            foreach (var round in sources(season.Announcements[a]).Where(s => s.Kind != SourceKind.Evaluations).SelectMany(s => s.Rounds))
            {
                if (roundIndex.TryGetValue(round, out var r) && !counting[r].Contains(a))
                {
                    counting[r].Add(a);
                }
            }
        }

        return counting;
    }

    /// <summary>The log index of the first ballot entry still under embargo, or <see cref="None"/>.</summary>
    public long Index { get; private set; } = None;

    /// <summary>Whether the ballots of <paramref name="round"/> are still under embargo.</summary>
    public bool IsEmbargoed(int round) => !_released[round];

    /// <summary>Notes that entry <paramref name="entryIndex"/> is a ballot of <paramref name="round"/> (entries come in index order).</summary>
    public void NoteBallot(int round, long entryIndex)
    {
        if ((uint)round >= (uint)_firstBallot.Length || _firstBallot[round] != None)
        {
            return;
        }

        _firstBallot[round] = entryIndex;
        if (!_released[round] && entryIndex < Index)
        {
            Index = entryIndex;
        }
    }

    /// <summary>Notes a RoundClosed entry: releases the round when no announcement counts it.</summary>
    public void RoundClosed(int round)
    {
        if (_countingAnnouncements[round].Length == 0)
        {
            Release(round);
        }
    }

    /// <summary>Notes an AnnouncementPublished entry: releases every round whose counting announcements are now all published.</summary>
    public void AnnouncementPublished(int announcement)
    {
        _publishedAnnouncements[announcement] = true;
        for (var r = 0; r < _countingAnnouncements.Length; r++)
        {
            if (!_released[r] && _countingAnnouncements[r].Length > 0
                && Array.TrueForAll(_countingAnnouncements[r], a => _publishedAnnouncements[a]))
            {
                Release(r);
            }
        }
    }

    private void Release(int round)
    {
        if (_released[round])
        {
            return;
        }

        _released[round] = true;
        if (_firstBallot[round] != Index)
        {
            return;
        }

        var index = None;
        for (var r = 0; r < _firstBallot.Length; r++)
        {
            if (!_released[r] && _firstBallot[r] < index)
            {
                index = _firstBallot[r];
            }
        }

        Index = index;
    }
}
