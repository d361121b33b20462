using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Cli.Bench;

/// <summary>
/// Ballots shaped like Boys Planet's first vote (preset <c>boys-planet</c>, round <c>vote-1</c>): every voter votes
/// once a day for 21 days, nine distinct trainees with at least one from each group (K and G), Zipf-skewed
/// popularity; 40 % of voters in the Korea segment, 60 % global. Days before broadcasts get more voters, so the
/// vote flow has a shape. Ballots come in server-time order, each stamped with its day (the quota period), and
/// are generated into caller buffers without allocating.
/// </summary>
internal sealed class AuditBenchBallots
{
    public const int Picks = 9;
    private const int Days = 21;
    private const long DayMs = 86_400_000;

    private readonly CompiledSeason _season;
    private readonly long _firstDayMs;
    private readonly long[] _ballotsPerDay = new long[Days];
    private readonly ZipfDistribution _popularity;
    private readonly ZipfDistribution _koreaPopularity;
    private readonly ZipfDistribution _globalPopularity;
    private readonly ushort[] _korea;
    private readonly ushort[] _global;
    private readonly ushort _koreaSegment;
    private readonly ushort _globalSegment;
    private BenchRandom _random = new(20230202);
    private int _day;
    private long _inDay;

    public AuditBenchBallots(CompiledSeason season, long ballots)
    {
        _season = season;
        var round = season.Round(season.RoundIndex("vote-1")).Round;
        // The first whole day of the window in the season's time zone (the round opens at 23:00 the day before).
        _firstDayMs = season.Calendar.DayNumber(round.OpensAt.ToUnixTimeMilliseconds()) * DayMs + DayMs
            - (long)TimeZoneInfo.FindSystemTimeZoneById(season.Season.TimeZone).GetUtcOffset(round.OpensAt).TotalMilliseconds;
        _koreaSegment = (ushort)season.SegmentIndex("korea");
        _globalSegment = (ushort)season.SegmentIndex("global");
        var k = season.GroupIndex("k");
        _korea = [.. Enumerable.Range(0, season.TraineeCount).Where(t => season.GroupOf(t) == k).Select(t => (ushort)t)];
        _global = [.. Enumerable.Range(0, season.TraineeCount).Where(t => season.GroupOf(t) != k).Select(t => (ushort)t)];
        _popularity = new ZipfDistribution(season.TraineeCount);
        _koreaPopularity = new ZipfDistribution(_korea.Length);
        _globalPopularity = new ZipfDistribution(_global.Length);

        // Weekly broadcasts (day 0, 7, 14) bring a surge that fades over the week.
        var weights = Enumerable.Range(0, Days).Select(d => 1.0 + (1.5 * Math.Exp(-(d % 7) / 2.0))).ToArray();
        var total = weights.Sum();
        long assigned = 0;
        for (var d = 0; d < Days; d++)
        {
            _ballotsPerDay[d] = d == Days - 1 ? ballots - assigned : (long)(ballots * weights[d] / total);
            assigned += _ballotsPerDay[d];
        }
    }

    public void Fill(Span<Ballot> destination)
    {
        Span<ushort> picks = stackalloc ushort[Picks];
        for (var i = 0; i < destination.Length; i++)
        {
            while (_inDay == _ballotsPerDay[_day])
            {
                _day++;
                _inDay = 0;
            }

            // Voter n is the same person every day; the day's ballots are spread evenly over its 24 hours.
            var voter = _inDay;
            var time = _firstDayMs + (_day * DayMs) + (_inDay * (DayMs - 60_000) / _ballotsPerDay[_day]);
            _inDay++;
            FillPicks(picks);
            destination[i] = new Ballot(picks)
            {
                Round = 0,
                Voter = BenchRandom.Pseudonym(voter),
                Segment = voter % 5 < 2 ? _koreaSegment : _globalSegment,
                Period = _season.PeriodOf(0, time),
                ServerTimeMs = time,
            };
        }
    }

    private void FillPicks(Span<ushort> picks)
    {
        UInt128 taken = 0;
        picks[0] = _korea[_koreaPopularity.Sample(_random.NextDouble())];
        picks[1] = _global[_globalPopularity.Sample(_random.NextDouble())];
        taken |= UInt128.One << picks[0];
        taken |= UInt128.One << picks[1];
        for (var p = 2; p < picks.Length; p++)
        {
            ushort trainee;
            do
            {
                trainee = (ushort)_popularity.Sample(_random.NextDouble());
            }
            while ((taken & (UInt128.One << trainee)) != 0);
            taken |= UInt128.One << trainee;
            picks[p] = trainee;
        }
    }
}
