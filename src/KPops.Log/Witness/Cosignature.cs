using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace KPops.Log;

/// <summary>
/// The C2SP tlog-cosignature Ed25519 format (<c>cosignature/v1</c>, signed-note signature type 0x04). A cosignature
/// is a note signature line whose bytes are <c>key ID (4) ‖ timestamp (u64, big-endian) ‖ Ed25519 signature (64)</c>,
/// the signature covering <c>"cosignature/v1\ntime &lt;timestamp&gt;\n"</c> followed by the whole checkpoint text.
/// </summary>
public static class Cosignature
{
    /// <summary>The signed-note signature type byte of timestamped Ed25519 cosignatures.</summary>
    public const byte SignatureType = 0x04;

    /// <summary>Bytes in a decoded cosignature: key ID, timestamp, Ed25519 signature.</summary>
    public const int Length = 4 + 8 + 64;

    private const string Header = "cosignature/v1\ntime ";

    /// <summary>The message a cosigner signs for <paramref name="checkpointText"/> at <paramref name="timestamp"/> (POSIX seconds).</summary>
    public static byte[] SignedMessage(string checkpointText, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(checkpointText);
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Header}{timestamp}\n{checkpointText}"));
    }

    /// <summary>Splits decoded cosignature bytes; false unless they are exactly key ID, a timestamp below 2^63 and 64 signature bytes.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> raw, out uint keyId, out long timestamp, out ReadOnlySpan<byte> signature)
    {
        keyId = 0;
        timestamp = 0;
        signature = default;
        if (raw.Length != Length)
        {
            return false;
        }

        ulong time = BinaryPrimitives.ReadUInt64BigEndian(raw[4..]);
        if (time > long.MaxValue)
        {
            return false;
        }

        keyId = BinaryPrimitives.ReadUInt32BigEndian(raw);
        timestamp = (long)time;
        signature = raw[12..];
        return true;
    }

    /// <summary>The note signature line <c>— &lt;name&gt; &lt;base64&gt;\n</c>, as a witness returns it and a note carries it.</summary>
    public static string FormatLine(NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return $"— {signature.Name} {signature.Base64}\n";
    }
}
