using System.Diagnostics;
using System.Globalization;
using KPops.Audit.Flow;
using KPops.Audit.Forensics;
using KPops.Audit.Internal;
using KPops.Log;
using KPops.Voting.Recount;

namespace KPops.Audit;

/// <summary>How far an audit has got, for a progress bar.</summary>
public readonly record struct AuditProgress(long EntriesRead, long TotalEntries);

/// <summary>
/// Audits a published vote log end to end, trusting nothing but the log's public key: verifies the signed
/// checkpoint; checks that the log extends every checkpoint this auditor saw before; streams every entry,
/// each verified against the tree the checkpoint commits to; recounts every round from those entries and
/// compares each published announcement with its recount; runs the tally forensics on each announcement.
/// </summary>
public sealed class LogAuditor(ITileSource source, NoteVerifier verifier)
{
    /// <summary>Where earlier checkpoints are kept; null audits without memory of earlier runs.</summary>
    public AuditStateStore? State { get; init; }

    /// <summary>Chooses the state store once the log's origin is known (used when <see cref="State"/> is null).</summary>
    public Func<string, AuditStateStore>? StateForOrigin { get; init; }

    /// <summary>Reports entries read, roughly every bundle.</summary>
    public IProgress<AuditProgress>? Progress { get; init; }

    /// <summary>A name for the source in the report (a path or URL).</summary>
    public string SourceName { get; init; } = "log";

    /// <summary>The witnesses whose cosignatures on the checkpoint are checked (see docs/witness.md).</summary>
    public IReadOnlyList<CosignatureVerifier> Witnesses { get; init; } = [];

    /// <summary>The audit fails unless at least this many of <see cref="Witnesses"/> validly cosigned the checkpoint.</summary>
    public int MinWitnesses { get; init; }

    /// <summary>The clock that dates witness cosignatures (a cosignature from the future does not count).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public async Task<AuditReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var problems = new List<AuditProblem>();
        var client = new TileLogClient(source);

        // 1. The checkpoint: the log's signed statement of its size and root.
        byte[]? note = await source.ReadAsync("checkpoint", cancellationToken).ConfigureAwait(false);
        Checkpoint? head = null;
        string? error = "the log serves no checkpoint";
        if (note is null || !LogVerifier.TryVerifyCheckpoint(note, verifier, null, out head, out error))
        {
            problems.Add(new AuditProblem(AuditProblemCodes.Checkpoint, $"The checkpoint does not verify with the key {verifier.KeyText}: {error}."));
            return new AuditReport(SourceName, null, 0, null, [], problems, stopwatch.Elapsed);
        }

        // 1b. Witnesses: enough independent parties say they saw this checkpoint, consistent with what they saw before.
        var witnesses = WitnessCheck.Run(note, Witnesses, MinWitnesses, Clock, problems);

        // 2. Every checkpoint seen before must be a prefix of this one.
        var state = State ?? StateForOrigin?.Invoke(head.Origin);
        var earlier = state?.Load(verifier, head.Origin) ?? [];
        foreach (var old in earlier)
        {
            try
            {
                await client.VerifyConsistencyAsync(old, head, cancellationToken).ConfigureAwait(false);
            }
            catch (LogVerificationException exception)
            {
                problems.Add(new AuditProblem(AuditProblemCodes.Consistency,
                    $"The log no longer extends the checkpoint of size {old.Size} seen on an earlier run (root {Convert.ToHexStringLower(old.RootHash)[..16]}…): {exception.Message} History was rewritten."));
            }
        }

        // 3-4. Every entry, verified against the tree, recounted in order.
        RecountReport? recount = null;
        VoteFlowRecorder? flow = null;
        AuditEmbargo? embargo = null;
        try
        {
            (recount, flow) = await RecountAsync(client, head, head.Size, cancellationToken).ConfigureAwait(false);
        }
        catch (LogVerificationException exception) when (source is HttpTileSource { EntriesEmbargoed: true })
        {
            (recount, flow, embargo) = await RecountReleasedAsync(client, head, exception, problems, cancellationToken).ConfigureAwait(false);
        }
        catch (LogVerificationException exception)
        {
            problems.Add(new AuditProblem(AuditProblemCodes.Tiles, exception.Message));
        }

        if (recount is null)
        {
            return new AuditReport(SourceName, head, earlier.Count, null, [], problems, stopwatch.Elapsed) { Witnesses = witnesses, MinWitnesses = MinWitnesses, Embargo = embargo };
        }

        if (problems.Count == 0)
        {
            state?.Remember(head, note);
        }

        AddRecountProblems(recount, problems);
        var announcements = recount.Announcements
            .Select(check => new AnnouncementAudit(check, TallyForensics.Examine(
                [.. check.Published.Ranking.Select(row => new PublishedCount(row.Trainee, row.Score))])))
            .ToList();
        return new AuditReport(SourceName, head, earlier.Count, recount, announcements, problems, stopwatch.Elapsed)
        {
            Witnesses = witnesses,
            MinWitnesses = MinWitnesses,
            Flow = flow?.Flow,
            Embargo = embargo,
        };
    }

    private async Task<(RecountReport Report, VoteFlowRecorder Flow)> RecountAsync(
        TileLogClient client, Checkpoint head, long end, CancellationToken cancellationToken)
    {
        var history = new StreamingEntryHistory(client, head, cancellationToken, end);
        var flow = new VoteFlowRecorder(history);
        await using (history.ConfigureAwait(false))
        {
            var report = await Task.Run(() => RecountWithProgress(history, flow, end), cancellationToken).ConfigureAwait(false);
            return (report, flow);
        }
    }

    /// <summary>
    /// The server said an entry bundle is under embargo (it holds ballots of a round whose announcement is not yet
    /// published; see docs/log.md): check the whole tree from hash tiles, then recount only the released prefix, and
    /// say what is still pending, rather than report a missing bundle as tampering.
    /// </summary>
    private async Task<(RecountReport? Report, VoteFlowRecorder? Flow, AuditEmbargo? Embargo)> RecountReleasedAsync(
        TileLogClient client, Checkpoint head, LogVerificationException refused, List<AuditProblem> problems, CancellationToken cancellationToken)
    {
        try
        {
            await client.VerifyTreeAsync(head, cancellationToken).ConfigureAwait(false);
            long released = await ReleasedEntriesAsync(head, cancellationToken).ConfigureAwait(false);
            var (recount, flow) = released == 0 ? (null, null) : await RecountAsync(client, head, released, cancellationToken).ConfigureAwait(false);
            var embargo = new AuditEmbargo(released, head.Size - released, recount?.EmbargoedRounds ?? []);
            string rounds = embargo.PendingRounds.Count == 0 ? string.Empty : $" (rounds not yet released: {string.Join(", ", embargo.PendingRounds)})";
            problems.Add(new AuditProblem(AuditProblemCodes.Embargoed, string.Create(CultureInfo.InvariantCulture,
                $"Entries embargoed until announcement: the server holds back entries from {released} on ({refused.Message}), ballots of a round whose announcement is not yet published{rounds}. ")
                + string.Create(CultureInfo.InvariantCulture,
                $"The tree of {head.Size} entries verified from hash tiles; only entries [0, {released}) were recounted, {embargo.PendingEntries} are not yet released. Audit again once the announcement is published.")));
            return (recount, flow, embargo);
        }
        catch (LogVerificationException exception)
        {
            problems.Add(new AuditProblem(AuditProblemCodes.Tiles, exception.Message));
            return (null, null, null);
        }
    }

    /// <summary>How many leading entries the server serves: full bundles are released in order, so a binary search finds the first one held back.</summary>
    private async Task<long> ReleasedEntriesAsync(Checkpoint head, CancellationToken cancellationToken)
    {
        long served = 0;
        long refused = head.Size / TileLayout.TileWidth;
        while (served < refused)
        {
            long middle = served + ((refused - served) / 2);
            if (await source.ReadAsync(TilePath.EntryBundle(middle).ToString(), cancellationToken).ConfigureAwait(false) is null)
            {
                refused = middle;
            }
            else
            {
                served = middle + 1;
            }
        }

        return served * TileLayout.TileWidth;
    }

    // The recount reads through the flow recorder, which charts the ballots as they stream past.
    private RecountReport RecountWithProgress(StreamingEntryHistory history, VoteFlowRecorder recorded, long size)
    {
        if (Progress is null)
        {
            return Recounter.Recount(recorded);
        }

        using var reporting = new Timer(_ => Progress.Report(new AuditProgress(history.NextIndex, size)), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
        var report = Recounter.Recount(recorded);
        Progress.Report(new AuditProgress(size, size));
        return report;
    }

    private static void AddRecountProblems(RecountReport recount, List<AuditProblem> problems)
    {
        if (recount.Season is null)
        {
            problems.Add(new AuditProblem(AuditProblemCodes.Season, "The log does not define a valid season, so nothing can be recounted."));
        }

        foreach (var finding in recount.Findings)
        {
            problems.Add(new AuditProblem(AuditProblemCodes.Entry, $"Entry {finding.EntryIndex}: {finding.Code}: {finding.Message}"));
        }

        if (recount.FindingCount > recount.Findings.Count)
        {
            problems.Add(new AuditProblem(AuditProblemCodes.Entry, $"…and {recount.FindingCount - recount.Findings.Count} more invalid entries."));
        }

        foreach (var check in recount.Announcements.Where(c => !c.Matches))
        {
            problems.Add(new AuditProblem(AuditProblemCodes.Announcement,
                $"Announcement {check.Announcement} (entry {check.EntryIndex}) differs from the recount: {string.Join("; ", check.Differences)}"));
        }
    }
}
