using KPops.Audit.Forensics;
using KPops.Log;
using KPops.Voting.Recount;

namespace KPops.Audit;

/// <summary>The verdict of an audit, from best to worst; the CLI's exit code follows it.</summary>
public enum AuditVerdict
{
    /// <summary>The log verifies, extends every checkpoint seen before, and every announcement matches its recount.</summary>
    Passed,

    /// <summary>
    /// Nothing failed, but part of the log could not be recounted yet: the server holds back entries of rounds whose
    /// announcement is not yet published (an embargo; see <see cref="AuditReport.Embargo"/>). Audit again after it.
    /// </summary>
    Incomplete,

    /// <summary>The log verifies, but an entry is invalid or an announcement differs from the recount.</summary>
    RecountMismatch,

    /// <summary>The checkpoint's signature, the tiles, an entry's hash or consistency with earlier checkpoints failed.</summary>
    VerificationFailed,
}

/// <summary>One thing the audit found wrong.</summary>
/// <param name="Code">Stable code: see <see cref="AuditProblemCodes"/>.</param>
/// <param name="Message">What is wrong, for a person.</param>
public sealed record AuditProblem(string Code, string Message);

/// <summary>The stable codes of <see cref="AuditProblem"/>.</summary>
public static class AuditProblemCodes
{
    public const string Checkpoint = "checkpoint";
    public const string Consistency = "consistency";
    public const string Tiles = "tiles";
    public const string Season = "season";
    public const string Entry = "entry";
    public const string Announcement = "announcement";

    /// <summary>
    /// The server holds back entry bundles with ballots of rounds whose announcement is not yet published: the tree
    /// verified from hash tiles, and only the released prefix of entries was recounted. Audit again after the announcement.
    /// </summary>
    public const string Embargoed = "embargoed";

    /// <summary>Too few valid witness cosignatures on the checkpoint, or a forged one (<c>--witness</c>, <c>--min-witnesses</c>).</summary>
    public const string Witnesses = "witnesses";
}

/// <summary>The part of the log an embargo kept from the audit: the tree of all entries verified, only a prefix recounted.</summary>
/// <param name="ReleasedEntries">Entries [0, ReleasedEntries) were served, verified and recounted.</param>
/// <param name="PendingEntries">Entries committed to by the checkpoint but not yet released (not recounted).</param>
/// <param name="PendingRounds">
/// Rounds whose ballots are still under embargo at the end of the released prefix (an announcement that counts them is
/// not yet published), in season order: the pending entries can hold ballots of these rounds only. Empty when the
/// released prefix does not define the season.
/// </param>
public sealed record AuditEmbargo(long ReleasedEntries, long PendingEntries, IReadOnlyList<string> PendingRounds);

/// <summary>An announcement's recount check and the forensics run on its published figures.</summary>
public sealed record AnnouncementAudit(AnnouncementCheck Check, IReadOnlyList<TallyFinding> Forensics);

/// <summary>Everything one audit run established.</summary>
/// <param name="Source">The path or URL audited.</param>
/// <param name="Checkpoint">The verified checkpoint audited, or null when it did not verify.</param>
/// <param name="EarlierCheckpoints">How many checkpoints from earlier runs the log was checked against.</param>
/// <param name="Recount">The recount, or null when verification stopped before it finished.</param>
/// <param name="Announcements">Each published announcement: its recount check and forensics.</param>
/// <param name="Problems">Everything wrong; empty when the audit passed.</param>
/// <param name="Elapsed">How long the audit took.</param>
public sealed record AuditReport(
    string Source,
    Checkpoint? Checkpoint,
    int EarlierCheckpoints,
    RecountReport? Recount,
    IReadOnlyList<AnnouncementAudit> Announcements,
    IReadOnlyList<AuditProblem> Problems,
    TimeSpan Elapsed)
{
    public AuditVerdict Verdict
    {
        get
        {
            if (Problems.Any(p => p.Code is AuditProblemCodes.Checkpoint or AuditProblemCodes.Consistency or AuditProblemCodes.Tiles or AuditProblemCodes.Witnesses))
            {
                return AuditVerdict.VerificationFailed;
            }

            if (Problems.Any(p => p.Code != AuditProblemCodes.Embargoed))
            {
                return AuditVerdict.RecountMismatch;
            }

            return Embargo is not null || Problems.Count > 0 ? AuditVerdict.Incomplete : AuditVerdict.Passed;
        }
    }

    /// <summary>Each trusted witness's cosignature on the checkpoint (empty when the audit was not asked to check witnesses).</summary>
    public IReadOnlyList<WitnessCosignature> Witnesses { get; init; } = [];

    /// <summary>The valid witness cosignatures the audit required.</summary>
    public int MinWitnesses { get; init; }

    /// <summary>What an embargo kept from the recount (null when every entry was read).</summary>
    public AuditEmbargo? Embargo { get; init; }

    /// <summary>Accepted and quarantined ballots over time per round and segment, recorded while the recount streamed the log (null when it did not run).</summary>
    public Flow.VoteFlow? Flow { get; init; }

    /// <summary>Forensic warnings across all announcements (they do not change the verdict: the count is what it is).</summary>
    public int ForensicWarnings => Announcements.Sum(a => a.Forensics.Count(f => f.Severity == FindingSeverity.Warning));
}
