using System.Text;

namespace KPops.Log.Tests;

/// <summary>Known answers from golang.org/x/mod/sumdb/note note_test.go.</summary>
public class SignedNoteTests
{
    private const string PeterSigner = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string PeterVerifier = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string EnochVerifier = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private const string Text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string PeterSig = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private const string EnochSig = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Signing_the_go_example_gives_the_go_bytes()
    {
        using NoteSigner signer = NoteSigner.Parse(PeterSigner);
        Assert.Equal("PeterNeumann", signer.Name);
        Assert.Equal(0xc74f20a3u, signer.KeyId);
        Assert.Equal(PeterVerifier, signer.Verifier.KeyText);
        Assert.Equal(PeterSigner, signer.ExportSignerKey());
        Assert.Equal(Text + "\n" + PeterSig, Encoding.UTF8.GetString(SignedNote.Sign(Text, signer)));
    }

    [Fact]
    public void Opening_keeps_known_signatures_and_sets_unknown_ones_aside()
    {
        NoteVerifier peter = NoteVerifier.Parse(PeterVerifier);
        Assert.True(SignedNote.TryOpen(Utf8(Text + "\n" + PeterSig + EnochSig), [peter], out VerifiedNote? note, out _));
        Assert.Equal(Text, note.Text);
        Assert.Equal([new NoteSignature("PeterNeumann", 0xc74f20a3, PeterSig[15..^1])], note.Signatures);
        Assert.Equal("EnochRoot", Assert.Single(note.UnverifiedSignatures).Name);

        NoteVerifier enoch = NoteVerifier.Parse(EnochVerifier);
        Assert.True(SignedNote.TryOpen(Utf8(Text + "\n" + PeterSig + EnochSig), [peter, enoch], out note, out _));
        Assert.Equal(2, note.Signatures.Count);
    }

    [Fact]
    public void A_note_without_a_known_signature_is_rejected()
    {
        Assert.False(SignedNote.TryOpen(Utf8(Text + "\n" + PeterSig + EnochSig), [], out _, out string? error));
        Assert.Equal("note has no verifiable signatures", error);
    }

    [Fact]
    public void A_bad_signature_from_a_known_key_rejects_the_note()
    {
        string tampered = PeterSig[..60] + "ABCD" + PeterSig[60..];
        Assert.False(SignedNote.TryOpen(Utf8(Text + "\n" + tampered), [NoteVerifier.Parse(PeterVerifier)], out _, out string? error));
        Assert.Equal("invalid signature for key PeterNeumann+c74f20a3", error);

        byte[] changedText = Utf8(Text.Replace("answer", "Answer", StringComparison.Ordinal) + "\n" + PeterSig);
        Assert.False(SignedNote.TryOpen(changedText, [NoteVerifier.Parse(PeterVerifier)], out _, out _));
    }

    [Fact]
    public void An_ambiguous_verifier_list_is_an_error_only_when_used()
    {
        NoteVerifier peter = NoteVerifier.Parse(PeterVerifier);
        NoteVerifier enoch = NoteVerifier.Parse(EnochVerifier);
        Assert.False(SignedNote.TryOpen(Utf8(Text + "\n" + EnochSig), [enoch, peter, enoch], out _, out string? error));
        Assert.Equal("ambiguous key EnochRoot+af0cfe78", error);
        Assert.True(SignedNote.TryOpen(Utf8(Text + "\n" + PeterSig), [enoch, peter, enoch], out _, out _));
    }

    [Fact]
    public void Repeated_signatures_are_counted_once()
    {
        string tamperedEnoch = EnochSig[..60] + "ABCD" + EnochSig[60..];
        byte[] note = Utf8(Text + "\n" + PeterSig + PeterSig + EnochSig + EnochSig + tamperedEnoch);
        Assert.True(SignedNote.TryOpen(note, [NoteVerifier.Parse(PeterVerifier)], out VerifiedNote? opened, out _));
        Assert.Single(opened.Signatures);
        Assert.Equal(2, opened.UnverifiedSignatures.Count);
    }

    [Theory]
    [InlineData(Text)]
    [InlineData(Text + "\n")]
    [InlineData(Text + "\n" + "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=")]
    [InlineData("\u0001" + Text + "\n" + PeterSig)]
    [InlineData(Text + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData(Text + "\n" + PeterSig + "Unexpected line.\n")]
    public void Malformed_notes_are_rejected(string note)
    {
        Assert.False(SignedNote.TryOpen(Utf8(note), [NoteVerifier.Parse(PeterVerifier)], out _, out string? error));
        Assert.Equal("malformed note", error);
    }

    [Fact]
    public void Invalid_utf8_and_too_many_signatures_are_malformed()
    {
        byte[] invalid = [0xFF, .. Utf8(Text + "\n" + PeterSig)];
        Assert.False(SignedNote.TryOpen(invalid, [NoteVerifier.Parse(PeterVerifier)], out _, out string? error));
        Assert.Equal("malformed note", error);

        string many = Text + "\n" + string.Concat(Enumerable.Repeat(PeterSig, 101));
        Assert.False(SignedNote.TryOpen(Utf8(many), [NoteVerifier.Parse(PeterVerifier)], out _, out error));
        Assert.Equal("malformed note", error);
    }

    [Fact]
    public void Every_mangling_of_the_verifier_key_is_rejected()
    {
        Assert.True(NoteVerifier.TryParse(PeterVerifier, out _, out _));
        foreach (string mangled in Manglings(PeterVerifier))
        {
            Assert.False(NoteVerifier.TryParse(mangled, out _, out _), mangled);
        }

        Assert.False(NoteVerifier.TryParse("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==", out _, out _));
        Assert.False(NoteVerifier.TryParse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", out _, out _));
    }

    [Fact]
    public void Every_mangling_of_the_signer_key_is_rejected()
    {
        foreach (string mangled in Manglings(PeterSigner))
        {
            Assert.False(NoteSigner.TryParse(mangled, out NoteSigner? signer, out _), mangled);
            signer?.Dispose();
        }
    }

    [Fact]
    public void Generated_keys_sign_notes_their_verifier_accepts()
    {
        using NoteSigner signer = NoteSigner.Generate("kpops.example/log");
        using NoteSigner reloaded = NoteSigner.Parse(signer.ExportSignerKey());
        NoteVerifier verifier = NoteVerifier.Parse(signer.Verifier.KeyText);
        Assert.Equal(signer.KeyId, verifier.KeyId);

        byte[] note = SignedNote.Sign("hello\n", reloaded);
        Assert.True(SignedNote.TryOpen(note, [verifier], out VerifiedNote? opened, out _));
        Assert.Equal("hello\n", opened.Text);

        using NoteSigner other = NoteSigner.Generate("kpops.example/log");
        Assert.False(SignedNote.TryOpen(note, [other.Verifier], out _, out _));
    }

    [Fact]
    public void Hostile_bytes_never_make_note_or_checkpoint_parsing_throw()
    {
        var random = new Random(11);
        byte[] valid = Utf8(Text + "\n" + PeterSig);
        NoteVerifier[] verifiers = [NoteVerifier.Parse(PeterVerifier)];
        for (int i = 0; i < 3000; i++)
        {
            byte[] bytes = (byte[])valid.Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            byte[] cut = bytes[..random.Next(bytes.Length + 1)];
            Assert.False(SignedNote.TryOpen(cut, verifiers, out _, out _) && !cut.AsSpan().SequenceEqual(valid));
            _ = SignedNote.TryParseUnverified(bytes, out _, out _);
            _ = Checkpoint.TryParse(Encoding.Latin1.GetString(cut), out _, out _);
            _ = NoteVerifier.TryParse(Encoding.Latin1.GetString(cut), out _, out _);
        }
    }

    // The Go tests' manglings: every proper substring, and every single-byte increment.
    private static IEnumerable<string> Manglings(string key)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(key);
        for (int i = 0; i <= bytes.Length; i++)
        {
            for (int j = i + 1; j <= bytes.Length; j++)
            {
                if (i != 0 || j != bytes.Length)
                {
                    yield return Encoding.ASCII.GetString(bytes, i, j - i);
                }
            }
        }

        for (int i = 0; i < bytes.Length; i++)
        {
            byte[] changed = (byte[])bytes.Clone();
            changed[i]++;
            yield return Encoding.Latin1.GetString(changed);
        }
    }
}
