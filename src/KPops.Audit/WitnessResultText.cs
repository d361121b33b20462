using KPops.Log;

namespace KPops.Audit;

/// <summary>
/// How a witness's cosignature check reads in every form of the report (console, JSON, HTML), so the three say the
/// same thing: a stable code for machines and a reason for people.
/// </summary>
public static class WitnessResultText
{
    /// <summary>The stable code in the JSON report: <c>valid</c>, <c>missing</c>, <c>invalid</c> or <c>from-the-future</c>.</summary>
    public static string Code(CosignatureStatus status) => status switch
    {
        CosignatureStatus.Valid => "valid",
        CosignatureStatus.Invalid => "invalid",
        CosignatureStatus.FromTheFuture => "from-the-future",
        _ => "missing",
    };

    /// <summary>Whether the cosignature was verified, or why not, for a reader.</summary>
    public static string Reason(CosignatureStatus status) => status switch
    {
        CosignatureStatus.Valid => "cosigned this checkpoint (signature verified)",
        CosignatureStatus.Invalid => "INVALID cosignature: a line claims this witness's name and key ID but does not verify (forged or corrupted)",
        CosignatureStatus.FromTheFuture => $"cosignature dated more than {WitnessCheck.AllowedClockSkew.TotalMinutes:0} minutes in the future: not counted",
        _ => "no cosignature from this witness on the checkpoint",
    };

    /// <summary>"k of n cosigned this checkpoint (required: m)".</summary>
    public static string Summary(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{WitnessCosignatures.CountValid(report.Witnesses)} of {report.Witnesses.Count} trusted witness(es) cosigned this checkpoint (required: {report.MinWitnesses})";
    }
}
