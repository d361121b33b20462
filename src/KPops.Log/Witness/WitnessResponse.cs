using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace KPops.Log;

/// <summary>The wire format of tlog-witness responses: cosignature lines (200) and the witness's size (409).</summary>
public static class WitnessResponse
{
    /// <summary>The content type of a 409 body, which holds the size of the witness's latest cosigned checkpoint.</summary>
    public const string SizeContentType = "text/x.tlog.size";

    /// <summary>A 409 body: the size in decimal and a newline.</summary>
    public static string FormatSize(long size) => size.ToString(CultureInfo.InvariantCulture) + "\n";

    public static bool TryParseSize(string? body, out long size)
    {
        size = 0;
        return body is not null && body.Length > 1 && body[^1] == '\n' && AddCheckpointRequest.TryParseSize(body.AsSpan(0, body.Length - 1), out size);
    }

    /// <summary>A 200 body: one note signature line per cosignature.</summary>
    public static string FormatCosignatures(IEnumerable<NoteSignature> cosignatures)
    {
        ArgumentNullException.ThrowIfNull(cosignatures);
        var body = new StringBuilder();
        foreach (NoteSignature signature in cosignatures)
        {
            body.Append(Cosignature.FormatLine(signature));
        }

        return body.ToString();
    }

    /// <summary>
    /// Parses a 200 body against the checkpoint it answers, as the spec suggests: appended to the checkpoint text it
    /// must form a well-formed note. Returns every line; the caller keeps those of keys it trusts.
    /// </summary>
    public static bool TryParseCosignatures(string checkpointText, string? body, [NotNullWhen(true)] out IReadOnlyList<NoteSignature>? cosignatures)
    {
        ArgumentNullException.ThrowIfNull(checkpointText);
        cosignatures = null;
        if (string.IsNullOrEmpty(body))
        {
            return false;
        }

        byte[] note = Encoding.UTF8.GetBytes(checkpointText + "\n" + body);
        if (!SignedNote.TryParseUnverified(note, out string? text, out IReadOnlyList<NoteSignature>? lines) || text != checkpointText)
        {
            return false;
        }

        cosignatures = lines;
        return true;
    }
}
