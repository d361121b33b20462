namespace KPops.Audit.Forensics;

/// <summary>The stable codes of <see cref="TallyFinding"/>; reports and scripts match on these.</summary>
public static class ForensicCodes
{
    public const string CommonQuantum = "common-quantum";
    public const string RepeatedGap = "repeated-gap";
    public const string FewSignificantDigits = "few-significant-digits";
    public const string SumOfOthers = "sum-of-others";
}
