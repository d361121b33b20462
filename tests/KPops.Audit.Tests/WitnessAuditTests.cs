using System.Text;
using KPops.Log;

namespace KPops.Audit.Tests;

/// <summary><c>kpops audit --witness KEY --min-witnesses N</c>: the checkpoint must carry enough valid cosignatures.</summary>
public sealed class WitnessAuditTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_checkpoint_cosigned_by_a_trusted_witness_passes_and_reports_the_cosignature()
    {
        using var log = await AuditedLog.WriteAsync(ballots: 300);
        using var witness = CosignatureSigner.Generate("witness.test/regulator");
        Cosign(log, witness);

        var report = await Auditor(log, [witness.Verifier], minimum: 1).RunAsync(Cancel);

        Assert.Equal(AuditVerdict.Passed, report.Verdict);
        var result = Assert.Single(report.Witnesses);
        Assert.Equal(CosignatureStatus.Valid, result.Status);
        Assert.NotNull(result.Time);
    }

    [Fact]
    public async Task Too_few_cosignatures_fail_the_audit_and_the_checkpoint_is_not_remembered()
    {
        using var log = await AuditedLog.WriteAsync(ballots: 300);
        using var regulator = CosignatureSigner.Generate("witness.test/regulator");
        using var newspaper = CosignatureSigner.Generate("witness.test/newspaper");
        Cosign(log, regulator);

        var report = await Auditor(log, [regulator.Verifier, newspaper.Verifier], minimum: 2).RunAsync(Cancel);

        Assert.Equal(AuditVerdict.VerificationFailed, report.Verdict);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(AuditProblemCodes.Witnesses, problem.Code);
        Assert.Contains("Only 1 of the required 2", problem.Message, StringComparison.Ordinal);
        Assert.Contains("witness.test/newspaper", problem.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(log.StateDirectory) ? Directory.GetFiles(log.StateDirectory, "*.checkpoint") : []);

        var enough = await Auditor(log, [regulator.Verifier, newspaper.Verifier], minimum: 1).RunAsync(Cancel);
        Assert.Equal(AuditVerdict.Passed, enough.Verdict);
    }

    [Fact]
    public async Task An_uncosigned_checkpoint_fails_when_a_witness_is_required()
    {
        using var log = await AuditedLog.WriteAsync(ballots: 300);
        using var witness = CosignatureSigner.Generate("witness.test/regulator");

        var report = await Auditor(log, [witness.Verifier], minimum: 1).RunAsync(Cancel);

        Assert.Equal(AuditVerdict.VerificationFailed, report.Verdict);
        Assert.Contains(report.Problems, p => p.Code == AuditProblemCodes.Witnesses && p.Message.Contains("Only 0 of the required 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_cosignature_fails_even_when_the_quorum_is_met()
    {
        using var log = await AuditedLog.WriteAsync(ballots: 300);
        using var honest = CosignatureSigner.Generate("witness.test/honest");
        using var forged = CosignatureSigner.Generate("witness.test/forged");
        Cosign(log, honest);
        Cosign(log, forged, tamper: true);

        var report = await Auditor(log, [honest.Verifier, forged.Verifier], minimum: 1).RunAsync(Cancel);

        Assert.Equal(AuditVerdict.VerificationFailed, report.Verdict);
        Assert.Contains(report.Problems, p => p.Code == AuditProblemCodes.Witnesses && p.Message.Contains("forged", StringComparison.Ordinal));
        Assert.Equal([CosignatureStatus.Valid, CosignatureStatus.Invalid], report.Witnesses.Select(w => w.Status));
    }

    [Fact]
    public async Task A_cosignature_from_an_untrusted_witness_does_not_count()
    {
        using var log = await AuditedLog.WriteAsync(ballots: 300);
        using var trusted = CosignatureSigner.Generate("witness.test/trusted");
        using var sockPuppet = CosignatureSigner.Generate("witness.test/trusted");
        Cosign(log, sockPuppet);

        var report = await Auditor(log, [trusted.Verifier], minimum: 1).RunAsync(Cancel);

        Assert.Equal(AuditVerdict.VerificationFailed, report.Verdict);
        Assert.Equal(CosignatureStatus.Missing, Assert.Single(report.Witnesses).Status);
    }

    [Fact]
    public async Task Without_witness_options_cosignatures_are_not_checked()
    {
        using var log = await AuditedLog.WriteAsync(ballots: 300);

        var report = await log.Auditor().RunAsync(Cancel);

        Assert.Equal(AuditVerdict.Passed, report.Verdict);
        Assert.Empty(report.Witnesses);
    }

    private static LogAuditor Auditor(AuditedLog log, IReadOnlyList<CosignatureVerifier> witnesses, int minimum) =>
        new(new DirectoryTileSource(log.Tiles), log.Verifier)
        {
            State = new AuditStateStore(log.StateDirectory),
            SourceName = log.Tiles,
            Witnesses = witnesses,
            MinWitnesses = minimum,
        };

    /// <summary>Has a real witness (its own state directory) cosign the published checkpoint, and appends its line to it.</summary>
    internal static void Cosign(AuditedLog log, CosignatureSigner key, bool tamper = false)
    {
        string path = Path.Combine(log.Tiles, "checkpoint");
        byte[] note = File.ReadAllBytes(path);
        var witness = new CheckpointWitness(
            key,
            new Dictionary<string, IReadOnlyList<NoteVerifier>> { [AuditedLog.Origin] = [log.Verifier] },
            new WitnessStateStore(Path.Combine(log.Root, "witness-" + key.Verifier.KeyId.ToString("x8"))));
        var outcome = witness.AddCheckpoint(new AddCheckpointRequest(0, [], note));
        Assert.Equal(WitnessStatus.Cosigned, outcome.Status);
        NoteSignature cosignature = Assert.Single(outcome.Cosignatures);
        if (tamper)
        {
            byte[] raw = Convert.FromBase64String(cosignature.Base64);
            raw[^1] ^= 1;
            cosignature = cosignature with { Base64 = Convert.ToBase64String(raw) };
        }

        File.WriteAllText(path, Encoding.UTF8.GetString(note) + Cosignature.FormatLine(cosignature));
    }
}
