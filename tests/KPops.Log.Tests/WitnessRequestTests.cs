using System.Text;

namespace KPops.Log.Tests;

/// <summary>The tlog-witness add-checkpoint request and response encodings.</summary>
public class WitnessRequestTests
{
    // The example request body of c2sp.org/tlog-witness.
    private const string SpecBody =
        "old 20852014\n" +
        "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n" +
        "jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=\n" +
        "5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=\n" +
        "/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=\n" +
        "\n" +
        SpecNote;

    private const string SpecNote =
        "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n" +
        "— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n" +
        "— example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=\n";

    [Fact]
    public void The_spec_example_request_parses_and_encodes_back_to_the_same_bytes()
    {
        byte[] body = Encoding.UTF8.GetBytes(SpecBody);

        Assert.True(AddCheckpointRequest.TryParse(body, out AddCheckpointRequest? request, out _));

        Assert.Equal(20852014, request.OldSize);
        Assert.Equal(4, request.ConsistencyProof.Count);
        Assert.Equal(Convert.FromBase64String("PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw="), request.ConsistencyProof[0]);
        Assert.Equal(SpecNote, Encoding.UTF8.GetString(request.CheckpointNote.Span));
        Assert.Equal(body, request.Encode());
    }

    [Fact]
    public void A_first_submission_has_old_zero_and_no_proof()
    {
        var request = new AddCheckpointRequest(0, [], Encoding.UTF8.GetBytes(SpecNote));

        Assert.Equal("old 0\n\n" + SpecNote, Encoding.UTF8.GetString(request.Encode()));
    }

    [Theory]
    [InlineData("old 020852014\n\n" + SpecNote, "'old <size>'")]
    [InlineData("old -1\n\n" + SpecNote, "'old <size>'")]
    [InlineData("Old 1\n\n" + SpecNote, "'old <size>'")]
    [InlineData("old 1\nPlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw\n\n" + SpecNote, "base64")]
    [InlineData("old 1\nAAAA\n\n" + SpecNote, "32-byte")]
    [InlineData("old 1\n", "empty line")]
    [InlineData("old 1\n\n", "no checkpoint")]
    [InlineData("", "'old <size>'")]
    public void A_malformed_request_is_rejected_with_a_reason(string body, string reason)
    {
        Assert.False(AddCheckpointRequest.TryParse(Encoding.UTF8.GetBytes(body), out _, out string? error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_63_proof_lines_are_rejected()
    {
        string line = Convert.ToBase64String(new byte[32]) + "\n";
        string body = "old 1\n" + string.Concat(Enumerable.Repeat(line, 64)) + "\n" + SpecNote;

        Assert.False(AddCheckpointRequest.TryParse(Encoding.UTF8.GetBytes(body), out _, out string? error));
        Assert.Contains("63", error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new AddCheckpointRequest(1, Enumerable.Repeat(new byte[32], 64).ToArray(), Encoding.UTF8.GetBytes(SpecNote)));
    }

    [Theory]
    [InlineData("20852163\n", true, 20852163L)]
    [InlineData("0\n", true, 0L)]
    [InlineData("20852163", false, 0L)]
    [InlineData("007\n", false, 0L)]
    [InlineData("\n", false, 0L)]
    public void A_conflict_body_holds_the_witness_size(string body, bool valid, long size)
    {
        Assert.Equal(valid, WitnessResponse.TryParseSize(body, out long parsed));
        Assert.Equal(size, parsed);
        if (valid)
        {
            Assert.Equal(body, WitnessResponse.FormatSize(size));
        }
    }

    [Fact]
    public void A_success_body_is_signature_lines_that_complete_the_checkpoint_note()
    {
        const string Text = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        using var witness = CosignatureSigner.Generate("witness.example/w1");
        string body = WitnessResponse.FormatCosignatures([witness.Sign(Text, 1), witness.Sign(Text, 2)]);

        Assert.True(WitnessResponse.TryParseCosignatures(Text, body, out IReadOnlyList<NoteSignature>? lines));
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.True(witness.Verifier.TryVerify(Text, line, out _)));

        Assert.False(WitnessResponse.TryParseCosignatures(Text, "not a signature line\n", out _));
        Assert.False(WitnessResponse.TryParseCosignatures(Text, "", out _));
        Assert.False(WitnessResponse.TryParseCosignatures(Text, body.TrimEnd('\n'), out _));
    }
}
