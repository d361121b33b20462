using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace KPops.Log;

/// <summary>
/// The body of a C2SP tlog-witness <c>POST &lt;prefix&gt;/add-checkpoint</c>: <c>old &lt;size&gt;\n</c>, up to 63 base64
/// consistency proof lines, an empty line, then the signed checkpoint note.
/// </summary>
public sealed class AddCheckpointRequest
{
    /// <summary>The most proof lines a client may send.</summary>
    public const int MaxProofLines = 63;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public AddCheckpointRequest(long oldSize, IReadOnlyList<byte[]> consistencyProof, ReadOnlyMemory<byte> checkpointNote)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentNullException.ThrowIfNull(consistencyProof);
        if (consistencyProof.Count > MaxProofLines)
        {
            throw new ArgumentException($"A consistency proof has at most {MaxProofLines} hashes.", nameof(consistencyProof));
        }

        foreach (byte[] hash in consistencyProof)
        {
            if (hash is null || hash.Length != Rfc6962.HashSize)
            {
                throw new ArgumentException("Proof hashes are 32 bytes.", nameof(consistencyProof));
            }
        }

        OldSize = oldSize;
        ConsistencyProof = consistencyProof;
        CheckpointNote = checkpointNote;
    }

    /// <summary>The size of the checkpoint the witness is believed to hold (0 if none).</summary>
    public long OldSize { get; }

    /// <summary>RFC 6962 consistency proof from <see cref="OldSize"/> to the checkpoint's size.</summary>
    public IReadOnlyList<byte[]> ConsistencyProof { get; }

    /// <summary>The checkpoint as a signed note, any number of signatures.</summary>
    public ReadOnlyMemory<byte> CheckpointNote { get; }

    public byte[] Encode()
    {
        var head = new StringBuilder();
        head.Append("old ").Append(OldSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (byte[] hash in ConsistencyProof)
        {
            head.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        head.Append('\n');
        byte[] prefix = Encoding.UTF8.GetBytes(head.ToString());
        var body = new byte[prefix.Length + CheckpointNote.Length];
        prefix.CopyTo(body, 0);
        CheckpointNote.Span.CopyTo(body.AsSpan(prefix.Length));
        return body;
    }

    /// <summary>Parses a request body strictly; never throws on hostile input.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out AddCheckpointRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        int position = 0;
        if (!TryReadLine(body, ref position, out string? oldLine) || !oldLine.StartsWith("old ", StringComparison.Ordinal)
            || !TryParseSize(oldLine.AsSpan(4), out long oldSize))
        {
            error = "the body does not start with an 'old <size>' line";
            return false;
        }

        var proof = new List<byte[]>();
        while (true)
        {
            if (!TryReadLine(body, ref position, out string? line))
            {
                error = "the proof lines are not followed by an empty line and a checkpoint";
                return false;
            }

            if (line.Length == 0)
            {
                break;
            }

            if (proof.Count == MaxProofLines)
            {
                error = $"more than {MaxProofLines} consistency proof lines";
                return false;
            }

            if (!StrictBase64.TryDecode(line, out byte[] hash) || hash.Length != Rfc6962.HashSize)
            {
                error = "a consistency proof line is not the base64 of a 32-byte hash";
                return false;
            }

            proof.Add(hash);
        }

        if (position == body.Length)
        {
            error = "the request carries no checkpoint";
            return false;
        }

        request = new AddCheckpointRequest(oldSize, proof, body[position..].ToArray());
        error = null;
        return true;
    }

    /// <summary>A tree size as tlog-witness writes it: ASCII decimal, no leading zeroes (0 is "0").</summary>
    public static bool TryParseSize(ReadOnlySpan<char> text, out long size)
    {
        size = 0;
        if (text.Length is 0 or > 19 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }

    private static bool TryReadLine(ReadOnlySpan<byte> body, ref int position, [NotNullWhen(true)] out string? line)
    {
        line = null;
        int end = body[position..].IndexOf((byte)'\n');
        if (end < 0)
        {
            return false;
        }

        try
        {
            line = StrictUtf8.GetString(body.Slice(position, end));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        position += end + 1;
        return true;
    }
}
