using System.Buffers.Binary;
using System.Globalization;

namespace KPops.Voting.Entries;

/// <summary>
/// The 16 bytes that stand for a voter in the public log: a keyed hash of the account id
/// (see <see cref="VoterPseudonymizer"/>). Nothing that identifies a person is ever logged.
/// </summary>
public readonly struct VoterPseudonym : IEquatable<VoterPseudonym>
{
    public const int Size = 16;

    public VoterPseudonym(ulong high, ulong low)
    {
        High = high;
        Low = low;
    }

    /// <summary>The first 8 bytes, read big-endian so that <see cref="ToString"/> shows the bytes in order.</summary>
    public ulong High { get; }

    /// <summary>The last 8 bytes, read big-endian.</summary>
    public ulong Low { get; }

    public static VoterPseudonym Read(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, High);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], Low);
    }

    /// <summary>Parses the 32 lowercase or uppercase hex digits <see cref="ToString"/> produces.</summary>
    public static bool TryParse(string? hex, out VoterPseudonym pseudonym)
    {
        pseudonym = default;
        if (hex is null || hex.Length != Size * 2
            || !ulong.TryParse(hex.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var high)
            || !ulong.TryParse(hex.AsSpan(16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low))
        {
            return false;
        }

        pseudonym = new VoterPseudonym(high, low);
        return true;
    }

    public bool Equals(VoterPseudonym other) => High == other.High && Low == other.Low;

    public override bool Equals(object? obj) => obj is VoterPseudonym other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(High, Low);

    public static bool operator ==(VoterPseudonym left, VoterPseudonym right) => left.Equals(right);

    public static bool operator !=(VoterPseudonym left, VoterPseudonym right) => !left.Equals(right);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{High:x16}{Low:x16}");
}
