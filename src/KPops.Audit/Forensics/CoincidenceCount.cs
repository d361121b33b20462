namespace KPops.Audit.Forensics;

/// <summary>
/// Judges exact coincidences (two equal gaps, a count equal to a sum) against how dense the values are
/// around them in the same announcement. Each pair of values that lies within a window of width 2W+1 of
/// the other adds 1/(2W+1) to the number of exact coincidences expected by chance, with W proportional to
/// the values' size: gaps of 2 votes repeat honestly in a small round, gaps of 29,978 do not. The estimate
/// comes from the table itself, so it needs no model of the vote.
/// </summary>
internal sealed class CoincidenceCount(double relativeWindow)
{
    private const int MinimumWindow = 2;

    public long Exact { get; private set; }

    public double Expected { get; private set; }

    /// <summary>Compares <paramref name="value"/> with <paramref name="target"/> (both positive).</summary>
    public bool Observe(long value, long target)
    {
        long window = Math.Max(MinimumWindow, (long)Math.Ceiling(relativeWindow * Math.Min(value, target)));
        if (Math.Abs(value - target) > window)
        {
            return false;
        }

        Expected += 1.0 / ((2 * window) + 1);
        if (value != target)
        {
            return false;
        }

        Exact++;
        return true;
    }

    /// <summary>Whether <paramref name="value"/> and <paramref name="target"/> are close enough that <see cref="Observe"/> counts them.</summary>
    public bool IsBeyond(long value, long target) =>
        value - target > Math.Max(MinimumWindow, (long)Math.Ceiling(relativeWindow * Math.Min(value, target)));

    /// <summary>The chance of at least <see cref="Exact"/> exact coincidences by chance.</summary>
    public double Chance() => PoissonTail.AtLeast(Exact, Expected);
}
