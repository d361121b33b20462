namespace KPops.Audit.Forensics;

/// <summary>
/// Looks for the fingerprints of fabricated vote counts in an announcement's published figures: the tests
/// that exposed Produce X 101 and Produce 48 in 2019. Each finding says what was seen and how often honest
/// counting would show it by chance.
/// </summary>
public static class TallyForensics
{
    /// <param name="counts">The published figures, in any order.</param>
    /// <param name="totalVotes">The announced total of all votes, when the broadcast gave one; otherwise the sum of <paramref name="counts"/> is used for share tests.</param>
    /// <param name="thresholds">Defaults to <see cref="ForensicsThresholds.Default"/>.</param>
    public static IReadOnlyList<TallyFinding> Examine(IReadOnlyList<PublishedCount> counts, decimal? totalVotes = null, ForensicsThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        thresholds ??= ForensicsThresholds.Default;
        var values = new double[counts.Count];
        for (int i = 0; i < counts.Count; i++)
        {
            values[i] = (double)counts[i].Count;
        }

        // Descending, so consecutive values are consecutive ranks.
        Array.Sort(values, (a, b) => b.CompareTo(a));
        var positive = Array.FindAll(values, v => v > 0);
        var findings = new List<TallyFinding>();
        if (positive.Length < thresholds.MinimumCounts)
        {
            return findings;
        }

        double total = totalVotes is { } announced ? (double)announced : positive.Sum();
        Add(findings, QuantumTest.Run(positive, thresholds));
        Add(findings, RepeatedGapTest.Run(positive, thresholds));
        Add(findings, ShareDigitsTest.Run(positive, total, thresholds));
        Add(findings, SumOfOthersTest.Run(positive, thresholds));
        return findings;
    }

    /// <summary>True when any finding is a <see cref="FindingSeverity.Warning"/>.</summary>
    public static bool HasWarning(IReadOnlyList<TallyFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var finding in findings)
        {
            if (finding.Severity == FindingSeverity.Warning)
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(List<TallyFinding> findings, TallyFinding? finding)
    {
        if (finding is not null)
        {
            findings.Add(finding);
        }
    }
}
