using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace KPops.Log;

/// <summary>
/// A witness's signing key. The secret is kept in the standard signed-note signer key format
/// (<c>PRIVATE+KEY+&lt;name&gt;+&lt;id&gt;+base64(0x01 ‖ seed)</c>, as golang.org/x/mod/sumdb/note writes it, which is also
/// what transparency-dev's NewSignerForCosignatureV1 takes); the same Ed25519 key signs <c>cosignature/v1</c> messages
/// under the type-0x04 key ID, so the public <see cref="Verifier"/> key is a type-0x04 vkey.
/// </summary>
public sealed class CosignatureSigner : IDisposable
{
    private readonly NoteSigner _key;

    private CosignatureSigner(NoteSigner key)
    {
        _key = key;
        Verifier = CosignatureVerifier.FromNoteVerifier(key.Verifier);
    }

    public string Name => _key.Name;

    /// <summary>The public key to give to logs and auditors.</summary>
    public CosignatureVerifier Verifier { get; }

    public static CosignatureSigner Generate(string name) => new(NoteSigner.Generate(name));

    public static CosignatureSigner Parse(string signerKeyText) => new(NoteSigner.Parse(signerKeyText));

    public static bool TryParse(string? signerKeyText, [NotNullWhen(true)] out CosignatureSigner? signer, [NotNullWhen(false)] out string? error)
    {
        signer = NoteSigner.TryParse(signerKeyText, out NoteSigner? key, out error) ? new CosignatureSigner(key) : null;
        return signer is not null;
    }

    /// <summary>The secret key text (keep it out of logs and repositories).</summary>
    public string ExportSignerKey() => _key.ExportSignerKey();

    /// <summary>Cosigns <paramref name="checkpointText"/> (the whole note text, extension lines included) as of <paramref name="timestamp"/>.</summary>
    public NoteSignature Sign(string checkpointText, long timestamp)
    {
        byte[] signature = _key.Sign(Cosignature.SignedMessage(checkpointText, timestamp));
        var raw = new byte[Cosignature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(raw, Verifier.KeyId);
        BinaryPrimitives.WriteInt64BigEndian(raw.AsSpan(4), timestamp);
        signature.CopyTo(raw, 12);
        return new NoteSignature(Name, Verifier.KeyId, Convert.ToBase64String(raw));
    }

    public void Dispose() => _key.Dispose();
}
