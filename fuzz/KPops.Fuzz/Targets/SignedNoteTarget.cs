using System.Text;
using KPops.Log;

namespace KPops.Fuzz.Targets;

/// <summary>
/// Signed-note opening and checkpoint verification (<see cref="SignedNote.TryOpen"/>,
/// <see cref="LogVerifier.TryVerifyCheckpoint"/>) — what every auditor and receipt check runs on a served
/// <c>checkpoint</c>. Never throws; a note it accepts must carry the log key's signature over its exact text, so the
/// only notes that verify are the fixture's own (plus unknown-key signature lines, which the spec lets it ignore).
/// </summary>
public sealed class SignedNoteTarget : IFuzzTarget
{
    public string Name => "note";

    public string Description => "SignedNote.TryOpen and LogVerifier.TryVerifyCheckpoint of a served checkpoint note";

    public void Run(ReadOnlySpan<byte> input)
    {
        if (SignedNote.TryOpen(input, [FuzzFixture.Verifier, FuzzFixture.OtherVerifier], out VerifiedNote? note, out _)
            && !IsKnownText(note.Text))
        {
            throw new FuzzContractException("A note that the fixture key never signed was accepted.");
        }

        if (LogVerifier.TryVerifyCheckpoint(input, FuzzFixture.Verifier, FuzzFixture.Origin, out Checkpoint? checkpoint, out _)
            && !IsKnownText(checkpoint.Format()))
        {
            throw new FuzzContractException("A checkpoint that the fixture key never signed was accepted.");
        }
    }

    public IEnumerable<FuzzSeed> Seeds()
    {
        var log = FuzzFixture.Log;
        byte[] newer = log.Newer.Note.ToArray();
        yield return new FuzzSeed("newer", newer);
        yield return new FuzzSeed("older", log.Older.Note.ToArray());
        // A witness's cosignature: a key the log does not know, which opening must ignore (fixed, so the seed is too).
        using var other = NoteSigner.Parse("PRIVATE+KEY+witness.example/w1+fd2e893d+AeG74fwrosH0ex/dX2Vz5oHxwKdPKSN2FHcUglODySa6");
        yield return new FuzzSeed("cosigned", SignedNote.Sign(log.Newer.Checkpoint.Format(), FuzzFixture.Signer, other));
    }

    private static bool IsKnownText(string text)
    {
        var log = FuzzFixture.Log;
        return text == log.Newer.Checkpoint.Format() || text == log.Older.Checkpoint.Format();
    }
}
