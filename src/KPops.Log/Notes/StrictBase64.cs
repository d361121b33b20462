namespace KPops.Log;

/// <summary>
/// Standard base64 (RFC 4648 §4) accepting only the canonical encoding: no whitespace, correct padding, and
/// zero trailing bits, so every byte string has exactly one accepted spelling.
/// </summary>
internal static class StrictBase64
{
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 4 != 0)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '+' or '/' or '='))
            {
                return false;
            }
        }

        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64Chars(text, buffer, out int written))
        {
            return false;
        }

        byte[] decoded = buffer.AsSpan(0, written).ToArray();
        if (!Convert.ToBase64String(decoded).AsSpan().SequenceEqual(text))
        {
            return false;
        }

        bytes = decoded;
        return true;
    }
}
