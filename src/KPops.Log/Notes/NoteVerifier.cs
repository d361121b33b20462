using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NSec.Cryptography;

namespace KPops.Log;

/// <summary>
/// An Ed25519 signed-note verifier, from its key text <c>&lt;name&gt;+&lt;key ID hex8&gt;+&lt;base64(0x01 || public key)&gt;</c>
/// (the format of golang.org/x/mod/sumdb/note and every C2SP tool). The key ID in the text must match the key.
/// </summary>
public sealed class NoteVerifier
{
    private readonly PublicKey _publicKey;

    private NoteVerifier(string name, uint keyId, PublicKey publicKey, string keyText)
    {
        Name = name;
        KeyId = keyId;
        _publicKey = publicKey;
        KeyText = keyText;
    }

    public string Name { get; }

    public uint KeyId { get; }

    /// <summary>The verifier key text, the form operators publish and auditors configure.</summary>
    public string KeyText { get; }

    public override string ToString() => KeyText;

    public static NoteVerifier Parse(string keyText) =>
        TryParse(keyText, out NoteVerifier? verifier, out string? error) ? verifier : throw new FormatException(error);

    public static bool TryParse(string? keyText, [NotNullWhen(true)] out NoteVerifier? verifier, [NotNullWhen(false)] out string? error)
    {
        verifier = null;
        string[] parts = (keyText ?? string.Empty).Split('+', 3);
        if (parts.Length != 3 || !NoteKeyName.IsValid(parts[0]) || !TryParseKeyId(parts[1], out uint keyId)
            || !StrictBase64.TryDecode(parts[2], out byte[] key))
        {
            error = "malformed verifier key";
            return false;
        }

        if (NoteKeyName.KeyId(parts[0], key) != keyId)
        {
            error = "verifier key ID does not match the key";
            return false;
        }

        if (key[0] != NoteKeyName.Ed25519Type || key.Length != 33
            || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, key.AsSpan(1), KeyBlobFormat.RawPublicKey, out PublicKey? publicKey))
        {
            error = "unsupported verifier key algorithm";
            return false;
        }

        verifier = new NoteVerifier(parts[0], keyId, publicKey!, keyText!);
        error = null;
        return true;
    }

    internal static NoteVerifier FromPublicKey(string name, PublicKey publicKey)
    {
        byte[] typed = TypedPublicKey(publicKey);
        uint keyId = NoteKeyName.KeyId(name, typed);
        string text = string.Create(CultureInfo.InvariantCulture, $"{name}+{keyId:x8}+{Convert.ToBase64String(typed)}");
        return new NoteVerifier(name, keyId, publicKey, text);
    }

    internal static byte[] TypedPublicKey(PublicKey publicKey)
    {
        byte[] raw = publicKey.Export(KeyBlobFormat.RawPublicKey);
        var typed = new byte[1 + raw.Length];
        typed[0] = NoteKeyName.Ed25519Type;
        raw.CopyTo(typed, 1);
        return typed;
    }

    /// <summary>Checks a raw Ed25519 signature (without the 4-byte key ID) over <paramref name="message"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        SignatureAlgorithm.Ed25519.Verify(_publicKey, message, signature);

    internal static bool TryParseKeyId(string hex, out uint keyId)
    {
        keyId = 0;
        foreach (char c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return hex.Length == 8 && uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out keyId);
    }
}
