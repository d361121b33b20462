using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace KPops.Log;

/// <summary>signed-note key names and key IDs.</summary>
internal static class NoteKeyName
{
    public const byte Ed25519Type = 0x01;

    /// <summary>Key names are non-empty and contain neither Unicode spaces nor '+'.</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (Rune rune in name.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || rune.Value == '+' || rune == Rune.ReplacementChar)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>key ID = SHA-256(name || 0x0A || type || public key)[:4], read big-endian.</summary>
    public static uint KeyId(string name, ReadOnlySpan<byte> typedPublicKey)
    {
        int nameLength = Encoding.UTF8.GetByteCount(name);
        var input = new byte[nameLength + 1 + typedPublicKey.Length];
        Encoding.UTF8.GetBytes(name, input);
        input[nameLength] = (byte)'\n';
        typedPublicKey.CopyTo(input.AsSpan(nameLength + 1));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return BinaryPrimitives.ReadUInt32BigEndian(hash);
    }
}
