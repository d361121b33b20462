using KPops.Log;
using KPops.Voting.Entries;

namespace KPops.Audit.Tests;

public sealed class LogAuditorTests
{
    [Fact]
    public async Task An_honest_log_passes_and_its_checkpoint_is_remembered()
    {
        using var log = await AuditedLog.WriteAsync();

        var report = await log.Auditor().RunAsync(Cancel);

        Assert.Equal(AuditVerdict.Passed, report.Verdict);
        Assert.Empty(report.Problems);
        Assert.Equal(1_500, report.Recount!.Tallies!.BallotsCounted);
        var announcement = Assert.Single(report.Announcements);
        Assert.True(announcement.Check.Matches);
        Assert.Single(Directory.GetFiles(log.StateDirectory, "*.checkpoint"));
    }

    [Fact]
    public async Task A_log_of_several_segments_with_quarantined_ballots_recounts_as_ballots_minus_quarantined()
    {
        // 40,000 entries are verified as several segments in parallel; the quarantine makes the recount go
        // back to ballots streamed long before.
        using var log = await AuditedLog.WriteAsync(ballots: 40_000, quarantined: [5, 20_000]);

        var report = await log.Auditor().RunAsync(Cancel);

        Assert.Equal(AuditVerdict.Passed, report.Verdict);
        Assert.Equal(39_998, report.Recount!.Tallies!.BallotsCounted);
        Assert.True(Assert.Single(report.Announcements).Check.Matches);
    }

    [Fact]
    public async Task A_changed_byte_in_a_hash_tile_fails_verification()
    {
        using var log = await AuditedLog.WriteAsync();
        FlipByte(Path.Combine(log.Tiles, "tile", "0", "000"), 100);

        var report = await log.Auditor().RunAsync(Cancel);

        Assert.Equal(AuditVerdict.VerificationFailed, report.Verdict);
        Assert.Contains(report.Problems, p => p.Code == AuditProblemCodes.Tiles);
    }

    [Fact]
    public async Task A_changed_entry_fails_verification()
    {
        using var log = await AuditedLog.WriteAsync();
        var bundle = Path.Combine(log.Tiles, "tile", "entries", "001");
        FlipByte(bundle, new FileInfo(bundle).Length / 2);

        var report = await log.Auditor().RunAsync(Cancel);

        Assert.Equal(AuditVerdict.VerificationFailed, report.Verdict);
        Assert.Contains(report.Problems, p => p.Code == AuditProblemCodes.Tiles && p.Message.Contains("entries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_checkpoint_signature_fails_verification()
    {
        using var log = await AuditedLog.WriteAsync();
        var checkpoint = Path.Combine(log.Tiles, "checkpoint");
        FlipByte(checkpoint, new FileInfo(checkpoint).Length - 10);

        var report = await log.Auditor().RunAsync(Cancel);

        Assert.Equal(AuditVerdict.VerificationFailed, report.Verdict);
        Assert.Equal(AuditProblemCodes.Checkpoint, Assert.Single(report.Problems).Code);
    }

    [Fact]
    public async Task A_dropped_ballot_re_signed_by_another_key_fails_the_signature_check()
    {
        using var log = await AuditedLog.WriteAsync();
        var entries = await log.ReadEntriesAsync();
        entries.RemoveAt(entries.FindIndex(AuditedLog.IsBallot));
        using var impostor = NoteSigner.Generate(AuditedLog.Origin);
        await log.RewriteAsync(entries, impostor);

        var report = await log.Auditor().RunAsync(Cancel);

        Assert.Equal(AuditVerdict.VerificationFailed, report.Verdict);
        Assert.Equal(AuditProblemCodes.Checkpoint, Assert.Single(report.Problems).Code);
    }

    [Fact]
    public async Task A_dropped_ballot_re_signed_with_the_real_key_is_caught_by_an_auditor_who_saw_the_log_before()
    {
        using var log = await AuditedLog.WriteAsync();
        Assert.Equal(AuditVerdict.Passed, (await log.Auditor().RunAsync(Cancel)).Verdict);
        var entries = await log.ReadEntriesAsync();
        entries.RemoveAt(entries.FindIndex(AuditedLog.IsBallot));
        await log.RewriteAsync(entries, log.Signer);

        var report = await log.Auditor().RunAsync(Cancel);

        Assert.Equal(AuditVerdict.VerificationFailed, report.Verdict);
        Assert.Contains(report.Problems, p => p.Code == AuditProblemCodes.Consistency);
    }

    [Fact]
    public async Task A_rewritten_history_that_grew_is_caught_across_runs()
    {
        using var log = await AuditedLog.WriteAsync();
        Assert.Equal(AuditVerdict.Passed, (await log.Auditor().RunAsync(Cancel)).Verdict);
        var entries = await log.ReadEntriesAsync();
        var ballot = entries.FindIndex(AuditedLog.IsBallot);
        // Move one early ballot to the end: the same entries, a different history.
        var moved = entries[ballot];
        entries.RemoveAt(ballot);
        entries.Add(moved);
        entries.Add(moved);
        await log.RewriteAsync(entries, log.Signer);

        var report = await log.Auditor().RunAsync(Cancel);

        Assert.Contains(report.Problems, p => p.Code == AuditProblemCodes.Consistency && p.Message.Contains("rewritten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_auditor_without_state_accepts_a_consistent_re_signed_log_but_the_remembered_one_does_not()
    {
        using var log = await AuditedLog.WriteAsync();
        Assert.Equal(AuditVerdict.Passed, (await log.Auditor().RunAsync(Cancel)).Verdict);
        var entries = await log.ReadEntriesAsync();
        entries.RemoveAt(entries.FindIndex(AuditedLog.IsBallot));
        await log.RewriteAsync(entries, log.Signer);

        var fresh = new LogAuditor(new DirectoryTileSource(log.Tiles), log.Verifier);

        // Without memory, the rewritten log is internally consistent: that is why the state directory exists.
        Assert.NotEqual(AuditVerdict.VerificationFailed, (await fresh.RunAsync(Cancel)).Verdict);
        Assert.Equal(AuditVerdict.VerificationFailed, (await log.Auditor().RunAsync(Cancel)).Verdict);
    }

    [Fact]
    public async Task An_announcement_that_differs_from_the_recount_is_a_mismatch()
    {
        using var log = await AuditedLog.WriteAsync(tamper: entry =>
        {
            var rows = entry.Ranking.ToArray();
            rows[0] = rows[0] with { Score = rows[0].Score + 7_494 };
            return entry with { Ranking = rows };
        });

        var report = await log.Auditor().RunAsync(Cancel);

        Assert.Equal(AuditVerdict.RecountMismatch, report.Verdict);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(AuditProblemCodes.Announcement, problem.Code);
        Assert.Contains("row 1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_reads_a_log_served_over_http_the_same_way()
    {
        using var log = await AuditedLog.WriteAsync(ballots: 300);
        using var client = new HttpClient(new DirectoryHandler(log.Tiles));

        var report = await new LogAuditor(new HttpTileSource(client, new Uri("http://log.test/log")), log.Verifier).RunAsync(Cancel);

        Assert.Equal(AuditVerdict.Passed, report.Verdict);
        Assert.Equal(300, report.Recount!.Tallies!.BallotsCounted);
    }

    private static void FlipByte(string file, long offset)
    {
        var bytes = File.ReadAllBytes(file);
        bytes[offset] ^= 0x01;
        File.WriteAllBytes(file, bytes);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Answers GETs under /log/ from a tiles directory, as a static web server would.</summary>
    private sealed class DirectoryHandler(string root) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath["/log/".Length..];
            var data = await new DirectoryTileSource(root).ReadAsync(path, cancellationToken);
            return data is null
                ? new HttpResponseMessage(System.Net.HttpStatusCode.NotFound)
                : new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(data) };
        }
    }
}
