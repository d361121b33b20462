namespace KPops.Format.Simulation;

/// <summary>
/// How much each trainee is liked, per voter segment, and how good each is on stage. Popularity is
/// log-normal (a few stars draw most of the votes, as in every published ranking), varies by segment (Korean
/// and global fans, or neighbouring countries, do not share one taste) and drifts between rounds (screen
/// time, a viral fancam). Skill is correlated with popularity but not equal to it.
/// </summary>
internal sealed class TraineePopularity
{
    private const double BaseSpread = 1.1;
    private const double SegmentSpread = 0.45;
    private const double RoundDrift = 0.2;

    private readonly double[] _base;
    private readonly double[] _drift;
    private readonly double[,] _segmentAffinity;

    public TraineePopularity(int trainees, int segments, Random random)
    {
        _base = new double[trainees];
        _drift = new double[trainees];
        _segmentAffinity = new double[trainees, segments];
        Skill = new double[trainees];
        for (var t = 0; t < trainees; t++)
        {
            var logPopularity = BaseSpread * random.NextGaussian();
            _base[t] = Math.Exp(logPopularity);
            _drift[t] = 1.0;
            Skill[t] = (0.5 * logPopularity / BaseSpread) + random.NextGaussian();
            for (var s = 0; s < segments; s++)
            {
                _segmentAffinity[t, s] = segments == 1 ? 1.0 : random.NextLogNormal(SegmentSpread);
            }
        }
    }

    /// <summary>Stage skill, roughly standard normal: what mentors and juries reward.</summary>
    public double[] Skill { get; }

    /// <summary>The relative chance that a fan of <paramref name="segment"/> picks <paramref name="trainee"/> now.</summary>
    public double Weight(int trainee, int segment) => _base[trainee] * _drift[trainee] * _segmentAffinity[trainee, segment];

    /// <summary>Moves every trainee's popularity a little, as the episodes between two rounds do.</summary>
    public void Drift(Random random)
    {
        for (var t = 0; t < _drift.Length; t++)
        {
            _drift[t] *= random.NextLogNormal(RoundDrift);
        }
    }

    /// <summary>Running totals of <see cref="Weight"/> over <paramref name="trainees"/>, skipping the excluded ones.</summary>
    public double[] Cumulative(IReadOnlyList<int> trainees, int segment, Func<int, bool>? excluded = null)
    {
        var cumulative = new double[trainees.Count];
        var total = 0.0;
        for (var i = 0; i < trainees.Count; i++)
        {
            var trainee = trainees[i];
            total += excluded?.Invoke(trainee) == true ? 0.0 : Weight(trainee, segment);
            cumulative[i] = total;
        }

        return cumulative;
    }
}
