using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NSec.Cryptography;

namespace KPops.Log;

/// <summary>
/// An Ed25519 signed-note signer, from its key text <c>PRIVATE+KEY+&lt;name&gt;+&lt;key ID hex8&gt;+&lt;base64(0x01 || seed)&gt;</c>,
/// compatible with golang.org/x/mod/sumdb/note. The text is a secret: keep it out of logs and repositories.
/// </summary>
public sealed class NoteSigner : IDisposable
{
    private const string Prefix = "PRIVATE+KEY+";
    private readonly Key _key;

    private NoteSigner(string name, Key key)
    {
        Name = name;
        _key = key;
        Verifier = NoteVerifier.FromPublicKey(name, key.PublicKey);
    }

    public string Name { get; }

    public uint KeyId => Verifier.KeyId;

    /// <summary>The matching verifier; its <see cref="NoteVerifier.KeyText"/> is what to publish.</summary>
    public NoteVerifier Verifier { get; }

    /// <summary>Creates a fresh key pair for <paramref name="name"/> (e.g. the log origin).</summary>
    public static NoteSigner Generate(string name)
    {
        if (!NoteKeyName.IsValid(name))
        {
            throw new ArgumentException("Key names are non-empty and contain no spaces or '+'.", nameof(name));
        }

        var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new NoteSigner(name, key);
    }

    public static NoteSigner Parse(string keyText) =>
        TryParse(keyText, out NoteSigner? signer, out string? error) ? signer : throw new FormatException(error);

    public static bool TryParse(string? keyText, [NotNullWhen(true)] out NoteSigner? signer, [NotNullWhen(false)] out string? error)
    {
        signer = null;
        error = "malformed signer key";
        if (keyText is null || !keyText.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        string[] parts = keyText[Prefix.Length..].Split('+', 3);
        if (parts.Length != 3 || !NoteKeyName.IsValid(parts[0]) || !NoteVerifier.TryParseKeyId(parts[1], out uint keyId)
            || !StrictBase64.TryDecode(parts[2], out byte[] key))
        {
            return false;
        }

        if (key[0] != NoteKeyName.Ed25519Type || key.Length != 33)
        {
            error = "unsupported signer key algorithm";
            return false;
        }

        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        if (!Key.TryImport(SignatureAlgorithm.Ed25519, key.AsSpan(1), KeyBlobFormat.RawPrivateKey, out Key? imported, parameters))
        {
            return false;
        }

        var candidate = new NoteSigner(parts[0], imported!);
        if (candidate.KeyId != keyId)
        {
            candidate.Dispose();
            error = "signer key ID does not match the key";
            return false;
        }

        signer = candidate;
        error = null;
        return true;
    }

    /// <summary>The signer key text (secret).</summary>
    public string ExportSignerKey()
    {
        byte[] seed = _key.Export(KeyBlobFormat.RawPrivateKey);
        var typed = new byte[1 + seed.Length];
        typed[0] = NoteKeyName.Ed25519Type;
        seed.CopyTo(typed, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Name}+{KeyId:x8}+{Convert.ToBase64String(typed)}");
    }

    /// <summary>A raw Ed25519 signature (64 bytes) over <paramref name="message"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => SignatureAlgorithm.Ed25519.Sign(_key, message);

    public void Dispose() => _key.Dispose();
}
