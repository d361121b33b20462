namespace KPops.Audit.Forensics;

/// <summary>How much weight a forensic finding carries.</summary>
public enum FindingSeverity
{
    /// <summary>A pattern honest counting can produce for a known reason (e.g. every vote weighted ×7).</summary>
    Notice,

    /// <summary>A pattern honest counting almost never produces; the figures deserve an explanation.</summary>
    Warning,
}

/// <summary>
/// One suspicious pattern in an announcement's published figures.
/// </summary>
/// <param name="Code">Stable machine code: <c>common-quantum</c>, <c>repeated-gap</c>, <c>few-significant-digits</c>, <c>sum-of-others</c>.</param>
/// <param name="Explanation">What was seen and why it matters, in words a journalist can print.</param>
/// <param name="Chance">
/// An upper estimate of how often honest counting would show this pattern by chance in one announcement.
/// </param>
/// <param name="Severity">Whether this is an alarm or a pattern with an innocent reading.</param>
public sealed record TallyFinding(string Code, string Explanation, double Chance, FindingSeverity Severity);

/// <summary>One published figure: who, and the vote count (or score) shown for them.</summary>
public readonly record struct PublishedCount(string Trainee, decimal Count);
