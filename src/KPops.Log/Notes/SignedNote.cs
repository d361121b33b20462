using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace KPops.Log;

/// <summary>One signature line of a note: <c>— &lt;name&gt; &lt;base64(key ID || signature)&gt;</c>.</summary>
public sealed record NoteSignature(string Name, uint KeyId, string Base64);

/// <summary>A note whose text was authenticated by at least one known key.</summary>
public sealed record VerifiedNote(string Text, IReadOnlyList<NoteSignature> Signatures, IReadOnlyList<NoteSignature> UnverifiedSignatures);

/// <summary>
/// C2SP signed-note: a UTF-8 text ending in a newline, a blank line, then one or more signature lines.
/// Opening follows the spec's rules: signatures from unknown keys are ignored, a known key whose signature
/// fails rejects the note, and at least one known key must have signed.
/// </summary>
public static class SignedNote
{
    // Go's note package stops at 100 signatures; the spec requires accepting at least 16.
    public const int MaxSignatures = 100;

    private const string SignaturePrefix = "— ";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Signs <paramref name="text"/> (which must end in a newline) with each signer, in order.</summary>
    public static byte[] Sign(string text, params ReadOnlySpan<NoteSigner> signers)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!IsValidText(text))
        {
            throw new ArgumentException("A note text is non-empty, ends with a newline and has no control characters but newlines.", nameof(text));
        }

        if (signers.Length == 0)
        {
            throw new ArgumentException("At least one signer is needed.", nameof(signers));
        }

        byte[] message = StrictUtf8.GetBytes(text);
        var note = new StringBuilder(text, text.Length + (signers.Length * 128));
        note.Append('\n');
        Span<byte> signature = stackalloc byte[4 + 64];
        foreach (NoteSigner signer in signers)
        {
            BinaryPrimitives.WriteUInt32BigEndian(signature, signer.KeyId);
            signer.Sign(message).CopyTo(signature[4..]);
            note.Append(SignaturePrefix).Append(signer.Name).Append(' ').Append(Convert.ToBase64String(signature)).Append('\n');
        }

        return StrictUtf8.GetBytes(note.ToString());
    }

    /// <summary>Parses and verifies a note against the known verifiers.</summary>
    public static bool TryOpen(ReadOnlySpan<byte> note, IReadOnlyList<NoteVerifier> verifiers,
        [NotNullWhen(true)] out VerifiedNote? opened, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        opened = null;
        if (!TryParse(note, out string? text, out IReadOnlyList<(NoteSignature Signature, byte[] Raw)>? signatures, out error))
        {
            return false;
        }

        byte[] message = StrictUtf8.GetBytes(text);
        var verified = new List<NoteSignature>();
        var unverified = new List<NoteSignature>();
        var seenVerified = new HashSet<(string, uint)>();
        var seenUnverified = new HashSet<NoteSignature>();
        foreach ((NoteSignature signature, byte[] raw) in signatures)
        {
            NoteVerifier? match = null;
            int matches = 0;
            foreach (NoteVerifier verifier in verifiers)
            {
                if (verifier.Name == signature.Name && verifier.KeyId == signature.KeyId)
                {
                    match = verifier;
                    matches++;
                }
            }

            if (match is null)
            {
                // Unknown keys are ignored (key rotation, witness cosignatures), but remembered once.
                if (seenUnverified.Add(signature))
                {
                    unverified.Add(signature);
                }

                continue;
            }

            if (matches > 1)
            {
                error = $"ambiguous key {signature.Name}+{signature.KeyId:x8}";
                return false;
            }

            if (!seenVerified.Add((signature.Name, signature.KeyId)))
            {
                continue;
            }

            if (!match.Verify(message, raw.AsSpan(4)))
            {
                error = $"invalid signature for key {signature.Name}+{signature.KeyId:x8}";
                return false;
            }

            verified.Add(signature);
        }

        if (verified.Count == 0)
        {
            error = "note has no verifiable signatures";
            return false;
        }

        opened = new VerifiedNote(text, verified, unverified);
        error = null;
        return true;
    }

    /// <summary>Splits a note into its text and signature lines without checking any signature.</summary>
    public static bool TryParseUnverified(ReadOnlySpan<byte> note, [NotNullWhen(true)] out string? text,
        [NotNullWhen(true)] out IReadOnlyList<NoteSignature>? signatures)
    {
        signatures = null;
        if (!TryParse(note, out text, out IReadOnlyList<(NoteSignature Signature, byte[] Raw)>? parsed, out _))
        {
            return false;
        }

        var list = new List<NoteSignature>(parsed.Count);
        foreach ((NoteSignature signature, _) in parsed)
        {
            list.Add(signature);
        }

        signatures = list;
        return true;
    }

    private static bool TryParse(ReadOnlySpan<byte> note, [NotNullWhen(true)] out string? text,
        [NotNullWhen(true)] out IReadOnlyList<(NoteSignature Signature, byte[] Raw)>? signatures, [NotNullWhen(false)] out string? error)
    {
        text = null;
        signatures = null;
        error = "malformed note";
        string decoded;
        try
        {
            decoded = StrictUtf8.GetString(note);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        if (HasForbiddenControlCharacter(decoded))
        {
            return false;
        }

        // The text ends at the last blank line; everything after it is signature lines.
        int split = decoded.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return false;
        }

        string body = decoded[..(split + 1)];
        string block = decoded[(split + 2)..];
        if (block.Length == 0 || block[^1] != '\n')
        {
            return false;
        }

        string[] lines = block[..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            return false;
        }

        var parsed = new List<(NoteSignature, byte[])>(lines.Length);
        foreach (string line in lines)
        {
            if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            {
                return false;
            }

            string rest = line[SignaturePrefix.Length..];
            int space = rest.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                return false;
            }

            string name = rest[..space];
            string base64 = rest[(space + 1)..];
            if (!NoteKeyName.IsValid(name) || !StrictBase64.TryDecode(base64, out byte[] raw) || raw.Length < 5)
            {
                return false;
            }

            parsed.Add((new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(raw), base64), raw));
        }

        text = body;
        signatures = parsed;
        error = null;
        return true;
    }

    private static bool IsValidText(string text) =>
        text.Length > 0 && text[^1] == '\n' && !HasForbiddenControlCharacter(text);

    private static bool HasForbiddenControlCharacter(string text)
    {
        foreach (char c in text)
        {
            if (c < 0x20 && c != '\n')
            {
                return true;
            }
        }

        return false;
    }
}
