using System.Text;

namespace KPops.Log.Tests;

/// <summary>
/// C2SP tlog-cosignature (Ed25519, cosignature/v1). The known answers were computed independently with Python's
/// <c>cryptography</c> package straight from the spec, using the RFC 8032 §7.1 test 1 key and the spec's example checkpoint.
/// </summary>
public class WitnessCosignatureTests
{
    // RFC 8032 §7.1 TEST 1 seed, as a signed-note signer key named witness.example/w1.
    private const string SignerKey = "PRIVATE+KEY+witness.example/w1+6d141fc1+AZ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g";
    private const string VerifierKey = "witness.example/w1+eb762cc2+BNdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea";
    private const string SpecCheckpoint = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    private const long SpecTime = 1679315147;
    private const string ExpectedLine = "— witness.example/w1 63YswgAAAABkGFDL+TPmh4BYuAjsYRoqMJCWb/gWJaeRF/kmm5tlCr9sJ57DLErur7K0yDXc2ArN+TIuotuB/HbuL3AJsp3bv/aNCQ==\n";

    [Fact]
    public void Cosigning_the_spec_checkpoint_with_the_RFC_8032_key_gives_the_independently_computed_line()
    {
        using CosignatureSigner signer = CosignatureSigner.Parse(SignerKey);

        NoteSignature cosignature = signer.Sign(SpecCheckpoint, SpecTime);

        Assert.Equal(VerifierKey, signer.Verifier.KeyText);
        Assert.Equal(0xeb762cc2u, cosignature.KeyId);
        Assert.Equal(ExpectedLine, Cosignature.FormatLine(cosignature));
        Assert.Equal(SignerKey, signer.ExportSignerKey());
    }

    [Fact]
    public void The_signed_message_is_the_header_the_time_line_and_the_whole_checkpoint()
    {
        Assert.Equal("cosignature/v1\ntime 1679315147\n" + SpecCheckpoint, Encoding.UTF8.GetString(Cosignature.SignedMessage(SpecCheckpoint, SpecTime)));
    }

    [Fact]
    public void The_known_line_verifies_and_yields_its_timestamp()
    {
        var verifier = CosignatureVerifier.Parse(VerifierKey);

        Assert.True(verifier.TryVerify(SpecCheckpoint, Line(ExpectedLine), out long timestamp));
        Assert.Equal(SpecTime, timestamp);
    }

    [Fact]
    public void A_cosignature_does_not_verify_for_another_checkpoint_time_or_extension()
    {
        var verifier = CosignatureVerifier.Parse(VerifierKey);
        NoteSignature line = Line(ExpectedLine);

        Assert.False(verifier.TryVerify(SpecCheckpoint.Replace("20852163", "20852164", StringComparison.Ordinal), line, out _));
        Assert.False(verifier.TryVerify(SpecCheckpoint + "extension\n", line, out _));

        byte[] raw = Convert.FromBase64String(line.Base64);
        raw[11] ^= 1; // the timestamp's last byte
        Assert.False(verifier.TryVerify(SpecCheckpoint, line with { Base64 = Convert.ToBase64String(raw) }, out _));
    }

    [Fact]
    public void Extension_lines_are_covered_by_the_cosignature()
    {
        using var signer = CosignatureSigner.Generate("witness.example/ext");
        string text = SpecCheckpoint + "extension 1\n";
        NoteSignature cosignature = signer.Sign(text, 1_700_000_000);

        Assert.True(signer.Verifier.TryVerify(text, cosignature, out _));
        Assert.False(signer.Verifier.TryVerify(SpecCheckpoint + "extension X\n", cosignature, out _));
    }

    [Fact]
    public void A_real_witness_key_of_type_0x04_parses_with_its_key_ID()
    {
        // transparency-dev/formats note_cosigv1_test.go: a native cosignature/v1 verifier key.
        var verifier = CosignatureVerifier.Parse("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");

        Assert.Equal("remora.n621.de", verifier.Name);
        Assert.Equal(0xda77ade7u, verifier.KeyId);
    }

    [Theory]
    [InlineData("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6", "log (Ed25519 note) key")]
    [InlineData("remora.n621.de+da77ade8+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2", "key ID does not match")]
    [InlineData("remora.n621.de+da77ade7", "malformed")]
    [InlineData("rekor.sigstore.dev+12345678+AwEB", "unsupported")]
    public void A_key_that_is_not_a_cosignature_v1_key_is_rejected(string keyText, string reason)
    {
        Assert.False(CosignatureVerifier.TryParse(keyText, out _, out string? error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cosignature_key_of_a_note_key_uses_type_0x04_and_the_same_public_key()
    {
        using var signer = CosignatureSigner.Parse(SignerKey);
        using var noteSigner = NoteSigner.Parse(SignerKey);

        Assert.Equal(VerifierKey, CosignatureVerifier.FromNoteVerifier(noteSigner.Verifier).KeyText);
        Assert.Equal(
            Convert.FromBase64String(noteSigner.Verifier.KeyText.Split('+', 3)[2])[1..],
            Convert.FromBase64String(signer.Verifier.KeyText.Split('+', 3)[2])[1..]);
    }

    [Theory]
    // The spec's example line (tlog-cosignature) and transparency-dev/formats' CosignatureTimestamp vector.
    [InlineData("jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==", 0x8d66cf3fu, 1679315147L)]
    [InlineData("ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==", 0x646846b9u, 1727964367L)]
    public void Published_cosignatures_decode_to_their_key_ID_and_timestamp(string base64, uint keyId, long timestamp)
    {
        Assert.True(Cosignature.TryDecode(Convert.FromBase64String(base64), out uint id, out long time, out ReadOnlySpan<byte> signature));
        Assert.Equal(keyId, id);
        Assert.Equal(timestamp, time);
        Assert.Equal(64, signature.Length);
    }

    [Fact]
    public void A_plain_note_signature_is_not_a_cosignature()
    {
        // transparency-dev/formats: an Ed25519 (type 0x01) signature has no timestamp, so it is too short.
        byte[] plain = Convert.FromBase64String("eQjRQm6eSKzFoiYalgwCPXu2y3ijtg68is9M46JKxuZB+dRfTmeQeDBoXnvxZx2ugnkyV+MUMLXpWs1hPb/W/4xkNQY=");
        Assert.False(Cosignature.TryDecode(plain, out _, out _, out _));

        byte[] beyond = Convert.FromBase64String("ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==");
        beyond[4] = 0x80; // a timestamp above 2^63 - 1
        Assert.False(Cosignature.TryDecode(beyond, out _, out _, out _));
    }

    [Fact]
    public void Checking_a_cosigned_note_reports_each_trusted_witness_and_ignores_the_rest()
    {
        using var log = NoteSigner.Generate("kpops.test/log");
        using var good = CosignatureSigner.Generate("witness.test/good");
        using var absent = CosignatureSigner.Generate("witness.test/absent");
        using var forger = CosignatureSigner.Generate("witness.test/forged");
        using var stranger = CosignatureSigner.Generate("witness.test/stranger");
        string text = "kpops.test/log\n3\n" + Convert.ToBase64String(new byte[32]) + "\n";
        string note = Encoding.UTF8.GetString(SignedNote.Sign(text, log))
            + Cosignature.FormatLine(good.Sign(text, 100))
            + Cosignature.FormatLine(stranger.Sign(text, 100))
            + Cosignature.FormatLine(TamperedLastByte(forger.Sign(text, 100)));

        var results = WitnessCosignatures.Check(Encoding.UTF8.GetBytes(note), [good.Verifier, absent.Verifier, forger.Verifier])!;

        Assert.Equal([CosignatureStatus.Valid, CosignatureStatus.Missing, CosignatureStatus.Invalid], results.Select(r => r.Status));
        Assert.Equal(100, results[0].Timestamp);
        Assert.Equal(1, WitnessCosignatures.CountValid(results));
    }

    [Fact]
    public void A_cosignature_dated_after_the_limit_does_not_count()
    {
        using var witness = CosignatureSigner.Generate("witness.test/early");
        using var log = NoteSigner.Generate("kpops.test/log");
        string text = "kpops.test/log\n1\n" + Convert.ToBase64String(new byte[32]) + "\n";
        byte[] note = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SignedNote.Sign(text, log)) + Cosignature.FormatLine(witness.Sign(text, 5_000)));

        Assert.Equal(CosignatureStatus.FromTheFuture, Assert.Single(WitnessCosignatures.Check(note, [witness.Verifier], notAfter: 4_999)!).Status);
        Assert.Equal(CosignatureStatus.Valid, Assert.Single(WitnessCosignatures.Check(note, [witness.Verifier], notAfter: 5_000)!).Status);
    }

    [Fact]
    public void A_log_signature_is_never_taken_for_a_cosignature_of_the_same_key()
    {
        // Same name and Ed25519 key, but type 0x01 vs 0x04 give different key IDs: no line matches.
        using var log = NoteSigner.Generate("kpops.test/log");
        string text = "kpops.test/log\n1\n" + Convert.ToBase64String(new byte[32]) + "\n";

        var result = Assert.Single(WitnessCosignatures.Check(SignedNote.Sign(text, log), [CosignatureVerifier.FromNoteVerifier(log.Verifier)])!);

        Assert.Equal(CosignatureStatus.Missing, result.Status);
    }

    private static NoteSignature Line(string line)
    {
        string[] parts = line.TrimEnd('\n').Split(' ');
        byte[] raw = Convert.FromBase64String(parts[2]);
        return new NoteSignature(parts[1], (uint)((raw[0] << 24) | (raw[1] << 16) | (raw[2] << 8) | raw[3]), parts[2]);
    }

    private static NoteSignature TamperedLastByte(NoteSignature signature)
    {
        byte[] raw = Convert.FromBase64String(signature.Base64);
        raw[^1] ^= 1;
        return signature with { Base64 = Convert.ToBase64String(raw) };
    }
}
