using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace KPops.Server.Integrity;

/// <summary>
/// A client's network: the /24 of an IPv4 address or the /48 of an IPv6 one (a typical site allocation), so one
/// household, office or bot farm behind a few addresses counts as one source. Kept in memory and shown to staff
/// only; it never enters the log or anything public.
/// </summary>
public readonly record struct NetworkPrefix(UInt128 Bits, bool IsIPv6)
{
    public static NetworkPrefix None => default;

    public bool IsNone => Bits == UInt128.Zero && !IsIPv6;

    public static NetworkPrefix Of(IPAddress? address)
    {
        if (address is null)
        {
            return None;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork && address.TryWriteBytes(bytes, out _))
        {
            // Keep the first three bytes; the high bit marks "present" so that 0.0.0.0/24 is not None.
            return new NetworkPrefix((UInt128)((BinaryPrimitives.ReadUInt32BigEndian(bytes) & 0xFFFFFF00u) | 1u) << 64, false);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.TryWriteBytes(bytes, out _))
        {
            bytes[6..].Clear();
            return new NetworkPrefix(BinaryPrimitives.ReadUInt128BigEndian(bytes), true);
        }

        return None;
    }

    public override string ToString()
    {
        if (IsNone)
        {
            return "unknown";
        }

        Span<byte> bytes = stackalloc byte[16];
        if (!IsIPv6)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)(Bits >> 64) & 0xFFFFFF00u);
            return new IPAddress(bytes[..4]) + "/24";
        }

        BinaryPrimitives.WriteUInt128BigEndian(bytes, Bits);
        return new IPAddress(bytes) + "/48";
    }
}
