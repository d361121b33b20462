namespace KPops.Format.Simulation;

/// <summary>
/// The national producers, as parallel arrays rather than objects so that a hundred thousand of them cost a
/// few megabytes: each fan's segment, daily habit (the chance of voting on a given day) and bias (the
/// favourite picked on every ballot while still in the show).
/// </summary>
internal sealed class FanBase
{
    /// <summary>Fans who vote nearly every day, fans who vote most days, and casual viewers.</summary>
    private static readonly (double Share, double MinHabit, double MaxHabit)[] HabitClasses =
    [
        (0.25, 0.75, 1.0),
        (0.35, 0.30, 0.75),
        (0.40, 0.03, 0.30),
    ];

    /// <summary>Chance that a fan whose bias was eliminated keeps voting at the same pace for someone else.</summary>
    private const double LoyaltyAfterElimination = 0.7;

    public FanBase(int count, int segments, Random random)
    {
        Count = count;
        Segment = new int[count];
        Habit = new double[count];
        Bias = new int[count];
        Array.Fill(Bias, -1);

        var segmentShares = new double[segments];
        var total = 0.0;
        for (var s = 0; s < segments; s++)
        {
            total += segments == 1 ? 1.0 : random.NextLogNormal(0.6);
            segmentShares[s] = total;
        }

        for (var fan = 0; fan < count; fan++)
        {
            Segment[fan] = random.NextWeighted(segmentShares);
            Habit[fan] = DrawHabit(random);
        }
    }

    public int Count { get; }

    /// <summary>Index of the fan's voter segment.</summary>
    public int[] Segment { get; }

    /// <summary>Probability of voting on any one day (or in a round whose period is the whole round).</summary>
    public double[] Habit { get; }

    /// <summary>Index of the fan's favourite trainee; -1 before the first round.</summary>
    public int[] Bias { get; }

    /// <summary>
    /// Called when the fan's bias can no longer be picked: some fans lose interest, the rest adopt a new
    /// favourite (chosen by the caller).
    /// </summary>
    public void LoseBias(int fan, Random random)
    {
        if (Bias[fan] >= 0 && random.NextDouble() > LoyaltyAfterElimination)
        {
            Habit[fan] *= 0.5;
        }

        Bias[fan] = -1;
    }

    private static double DrawHabit(Random random)
    {
        var roll = random.NextDouble();
        foreach (var (share, minHabit, maxHabit) in HabitClasses)
        {
            if (roll < share)
            {
                return minHabit + (random.NextDouble() * (maxHabit - minHabit));
            }

            roll -= share;
        }

        return HabitClasses[^1].MinHabit;
    }
}
