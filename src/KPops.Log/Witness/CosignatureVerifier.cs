using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NSec.Cryptography;

namespace KPops.Log;

/// <summary>
/// A witness's public key for checking <c>cosignature/v1</c> cosignatures, from its verifier key text
/// <c>&lt;name&gt;+&lt;key ID hex8&gt;+&lt;base64(0x04 ‖ 32-byte Ed25519 public key)&gt;</c> (a C2SP signed-note vkey with
/// the cosignature signature type), the key ID being <c>SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key)[:4]</c>.
/// </summary>
public sealed class CosignatureVerifier
{
    private readonly PublicKey _publicKey;

    private CosignatureVerifier(string name, uint keyId, PublicKey publicKey, string keyText)
    {
        Name = name;
        KeyId = keyId;
        _publicKey = publicKey;
        KeyText = keyText;
    }

    public string Name { get; }

    public uint KeyId { get; }

    /// <summary>The verifier key text, what the witness operator publishes and logs and auditors configure.</summary>
    public string KeyText { get; }

    public override string ToString() => KeyText;

    public static CosignatureVerifier Parse(string keyText) =>
        TryParse(keyText, out CosignatureVerifier? verifier, out string? error) ? verifier : throw new FormatException(error);

    public static bool TryParse(string? keyText, [NotNullWhen(true)] out CosignatureVerifier? verifier, [NotNullWhen(false)] out string? error)
    {
        verifier = null;
        string[] parts = (keyText ?? string.Empty).Split('+', 3);
        if (parts.Length != 3 || !NoteKeyName.IsValid(parts[0]) || !NoteVerifier.TryParseKeyId(parts[1], out uint keyId)
            || !StrictBase64.TryDecode(parts[2], out byte[] key))
        {
            error = "malformed witness verifier key";
            return false;
        }

        if (key[0] != Cosignature.SignatureType)
        {
            error = key[0] == NoteKeyName.Ed25519Type
                ? "this is a log (Ed25519 note) key, not a witness cosignature key (type 0x04)"
                : "unsupported witness key algorithm (only Ed25519 cosignature/v1, type 0x04)";
            return false;
        }

        if (NoteKeyName.KeyId(parts[0], key) != keyId)
        {
            error = "witness key ID does not match the key";
            return false;
        }

        if (key.Length != 33 || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, key.AsSpan(1), KeyBlobFormat.RawPublicKey, out PublicKey? publicKey))
        {
            error = "the witness key is not an Ed25519 public key";
            return false;
        }

        verifier = new CosignatureVerifier(parts[0], keyId, publicKey!, keyText!);
        error = null;
        return true;
    }

    /// <summary>The cosignature verifier for the same name and Ed25519 key as a note verifier (as transparency-dev's VKeyToCosignatureV1).</summary>
    public static CosignatureVerifier FromNoteVerifier(NoteVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        byte[] typed = StrictBase64.TryDecode(verifier.KeyText.Split('+', 3)[2], out byte[] key) ? key : throw new FormatException("malformed note verifier key");
        typed[0] = Cosignature.SignatureType;
        uint keyId = NoteKeyName.KeyId(verifier.Name, typed);
        var publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, typed.AsSpan(1), KeyBlobFormat.RawPublicKey);
        string text = string.Create(CultureInfo.InvariantCulture, $"{verifier.Name}+{keyId:x8}+{Convert.ToBase64String(typed)}");
        return new CosignatureVerifier(verifier.Name, keyId, publicKey, text);
    }

    /// <summary>Whether <paramref name="signature"/> is this witness's name and key ID (it may still fail to verify).</summary>
    public bool Matches(NoteSignature signature) => signature is not null && signature.Name == Name && signature.KeyId == KeyId;

    /// <summary>
    /// Checks a cosignature line's bytes over <paramref name="checkpointText"/> (the note text, signatures excluded);
    /// on success returns the time the witness says it cosigned, in POSIX seconds.
    /// </summary>
    public bool TryVerify(string checkpointText, NoteSignature signature, out long timestamp)
    {
        ArgumentNullException.ThrowIfNull(checkpointText);
        timestamp = 0;
        if (!Matches(signature) || !StrictBase64.TryDecode(signature.Base64, out byte[] raw)
            || !Cosignature.TryDecode(raw, out _, out long time, out ReadOnlySpan<byte> ed25519))
        {
            return false;
        }

        if (!SignatureAlgorithm.Ed25519.Verify(_publicKey, Cosignature.SignedMessage(checkpointText, time), ed25519))
        {
            return false;
        }

        timestamp = time;
        return true;
    }
}
