using KPops.Log;

namespace KPops.Audit;

/// <summary>
/// The audit's witness step: the checkpoint must carry valid cosignatures (c2sp.org/tlog-cosignature) from at least
/// a quorum of the witnesses the auditor trusts. A log that shows this auditor a different history than everyone else
/// (a split view) would need that many witnesses to cosign both histories — each witness refuses to.
/// </summary>
internal static class WitnessCheck
{
    /// <summary>How far in the future a cosignature's timestamp may be (clock skew between witness and auditor).</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(10);

    public static IReadOnlyList<WitnessCosignature> Run(
        byte[] note, IReadOnlyList<CosignatureVerifier> witnesses, int minimum, TimeProvider clock, List<AuditProblem> problems)
    {
        if (witnesses.Count == 0 && minimum == 0)
        {
            return [];
        }

        long notAfter = (clock.GetUtcNow() + AllowedClockSkew).ToUnixTimeSeconds();
        IReadOnlyList<WitnessCosignature> results = WitnessCosignatures.Check(note, witnesses, notAfter) ?? [];
        foreach (WitnessCosignature result in results)
        {
            if (result.Status == CosignatureStatus.Invalid)
            {
                problems.Add(new AuditProblem(AuditProblemCodes.Witnesses,
                    $"The cosignature claiming to be from witness {result.Witness.Name} ({result.Witness.KeyText}) does not verify: it is forged or corrupted."));
            }
            else if (result.Status == CosignatureStatus.FromTheFuture)
            {
                problems.Add(new AuditProblem(AuditProblemCodes.Witnesses,
                    $"The cosignature from witness {result.Witness.Name} is dated more than {AllowedClockSkew.TotalMinutes:0} minutes in the future."));
            }
        }

        int valid = WitnessCosignatures.CountValid(results);
        if (valid < minimum)
        {
            string missing = string.Join(", ", results.Where(r => r.Status != CosignatureStatus.Valid).Select(r => r.Witness.Name));
            problems.Add(new AuditProblem(AuditProblemCodes.Witnesses,
                $"Only {valid} of the required {minimum} witness cosignature(s) on this checkpoint verify (not cosigned: {(missing.Length == 0 ? "none configured" : missing)}). " +
                "Without them nothing shows that others were served the same log."));
        }

        return results;
    }
}
