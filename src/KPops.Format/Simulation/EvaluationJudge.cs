using System.Globalization;
using KPops.Format.Model;

namespace KPops.Format.Simulation;

/// <summary>
/// Plays the mentors and juries: gives each evaluation's results to plausible trainees — the skilled ones
/// more often, with enough luck that the favourite does not always win.
/// </summary>
internal sealed class EvaluationJudge(SeasonIndex index, TraineePopularity popularity)
{
    /// <summary>How much a single performance departs from a trainee's usual level (skill is about standard normal).</summary>
    private const double StageLuck = 0.7;

    /// <summary>Pools this small play a mission in a handful of big teams rather than many pairs of small ones.</summary>
    private const int SmallPool = 40;

    /// <summary>Eurovision's points from 1st to 10th, used when a points evaluation names no values of its own.</summary>
    private static readonly int[] EurovisionPoints = [12, 10, 8, 7, 6, 5, 4, 3, 2, 1];

    /// <summary>Grade letters and the share of trainees given each, best first (the rest get F).</summary>
    private static readonly (string Grade, double Share)[] GradeShares = [("A", 0.10), ("B", 0.20), ("C", 0.30), ("D", 0.25)];

    public IEnumerable<EvaluationResult> Award(Evaluation evaluation, IReadOnlyList<int> pool, Random random) => evaluation.Kind switch
    {
        EvaluationKind.Mission => Mission(evaluation, pool, random),
        EvaluationKind.Grade => Grades(evaluation, pool, random),
        EvaluationKind.Points => JuryPoints(evaluation, pool, random),
        EvaluationKind.Pick => Picks(evaluation, pool, 1, random),
        _ => [],
    };

    /// <summary>The producers' pick: <paramref name="count"/> trainees from <paramref name="candidates"/>.</summary>
    public IEnumerable<EvaluationResult> Picks(Evaluation evaluation, IReadOnlyList<int> candidates, int count, Random random)
    {
        var value = evaluation.Benefits.GetValueOrDefault("pick");
        return RankByPerformance(candidates, 0, random)
            .Take(count)
            .Select(t => new EvaluationResult(evaluation.Id, index.TraineeIds[t], "pick", value));
    }

    /// <summary>
    /// Benefits go from the biggest to the smallest: one mission has a few position winners, more song
    /// winners, and winning teams. With a single benefit it is a team win: early missions pit many small
    /// teams against each other in pairs, so about half the trainees win; once the pool is down to
    /// <see cref="SmallPool"/> or fewer, about five teams compete and one wins. With several benefits the
    /// biggest goes to about one trainee in thirty and each smaller one to four times as many. A trainee earns
    /// at most one benefit per mission.
    /// </summary>
    private IEnumerable<EvaluationResult> Mission(Evaluation evaluation, IReadOnlyList<int> pool, Random random)
    {
        var benefits = evaluation.Benefits.OrderByDescending(b => b.Value).ThenBy(b => b.Key, StringComparer.Ordinal).ToList();
        var ordered = RankByPerformance(pool, 0, random);
        var half = Math.Max(1, pool.Count / 2);
        var teamWin = pool.Count > SmallPool ? half : Math.Max(1, pool.Count / 5);
        var next = 0;
        for (var i = 0; i < benefits.Count && next < ordered.Count; i++)
        {
            var winners = benefits.Count == 1 ? teamWin : Math.Clamp((int)Math.Round(pool.Count / 30.0 * Math.Pow(4, i)), 1, half);
            for (var w = 0; w < winners && next < ordered.Count; w++)
            {
                yield return new EvaluationResult(evaluation.Id, index.TraineeIds[ordered[next++]], benefits[i].Key, benefits[i].Value);
            }
        }
    }

    /// <summary>Every trainee in the pool gets a grade A–F; a grade listed among the benefits carries its value.</summary>
    private IEnumerable<EvaluationResult> Grades(Evaluation evaluation, IReadOnlyList<int> pool, Random random)
    {
        var ordered = RankByPerformance(pool, 0, random);
        var position = 0;
        foreach (var trainee in ordered)
        {
            var grade = "F";
            var threshold = 0.0;
            foreach (var (letter, share) in GradeShares)
            {
                threshold += share * ordered.Count;
                if (position < threshold)
                {
                    grade = letter;
                    break;
                }
            }

            position++;
            yield return new EvaluationResult(evaluation.Id, index.TraineeIds[trainee], grade, evaluation.Benefits.GetValueOrDefault(grade));
        }
    }

    /// <summary>
    /// Each segment's jury ranks the entries it may vote for (never its own) by performance and a little
    /// regional taste, and gives its points to the best.
    /// </summary>
    private IEnumerable<EvaluationResult> JuryPoints(Evaluation evaluation, IReadOnlyList<int> pool, Random random)
    {
        var awards = evaluation.Benefits.Count > 0
            ? evaluation.Benefits.OrderByDescending(b => b.Value).ThenBy(b => b.Key, StringComparer.Ordinal).Select(b => (b.Key, b.Value)).ToList()
            : EurovisionPoints.Select(p => (Key: p.ToString(CultureInfo.InvariantCulture), Value: (long)p)).ToList();
        for (var segment = 0; segment < index.Segments; segment++)
        {
            var jurySegment = segment;
            var candidates = pool.Where(t => index.HomeSegment[t] != jurySegment).ToList();
            var ordered = RankByPerformance(candidates, jurySegment, random);
            for (var i = 0; i < awards.Count && i < ordered.Count; i++)
            {
                yield return new EvaluationResult(evaluation.Id, index.TraineeIds[ordered[i]], awards[i].Key, awards[i].Value, index.SegmentIds[segment]);
            }
        }
    }

    /// <summary>The pool ordered by one evening's performance: skill, luck, and the segment's taste.</summary>
    private List<int> RankByPerformance(IReadOnlyList<int> pool, int segment, Random random)
    {
        var scored = pool
            .Select(t => (Trainee: t, Score: popularity.Skill[t] + (StageLuck * random.NextGaussian()) + (0.2 * Math.Log(popularity.Weight(t, segment)))))
            .ToList();
        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Trainee.CompareTo(b.Trainee));
        return scored.ConvertAll(s => s.Trainee);
    }
}
