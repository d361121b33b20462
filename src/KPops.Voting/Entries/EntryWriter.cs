using System.Buffers.Binary;
using System.Text;

namespace KPops.Voting.Entries;

/// <summary>
/// Appends little-endian fields to a caller's buffer. Running out of room sets <see cref="Overflowed"/>
/// instead of throwing, so <c>TryWrite</c> methods write every field and check once at the end.
/// </summary>
internal ref struct EntryWriter
{
    private readonly Span<byte> _destination;
    private int _position;

    public EntryWriter(Span<byte> destination, EntryKind kind)
    {
        _destination = destination.Length > EntryFormat.MaxEntrySize ? destination[..EntryFormat.MaxEntrySize] : destination;
        _position = 0;
        Overflowed = false;
        WriteByte(EntryFormat.Version);
        WriteByte((byte)kind);
    }

    public bool Overflowed { get; private set; }

    public readonly int Written => _position;

    public bool TryFinish(out int written)
    {
        written = Overflowed ? 0 : _position;
        return !Overflowed;
    }

    private Span<byte> Take(int count)
    {
        if (Overflowed || _destination.Length - _position < count)
        {
            Overflowed = true;
            return default;
        }

        var span = _destination.Slice(_position, count);
        _position += count;
        return span;
    }

    public void WriteByte(byte value)
    {
        var span = Take(1);
        if (!Overflowed)
        {
            span[0] = value;
        }
    }

    public void WriteUInt16(ushort value)
    {
        var span = Take(2);
        if (!Overflowed)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span, value);
        }
    }

    public void WriteInt32(int value)
    {
        var span = Take(4);
        if (!Overflowed)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span, value);
        }
    }

    public void WriteUInt32(uint value)
    {
        var span = Take(4);
        if (!Overflowed)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span, value);
        }
    }

    public void WriteInt64(long value)
    {
        var span = Take(8);
        if (!Overflowed)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span, value);
        }
    }

    /// <summary>A decimal as its four 32-bit parts (<see cref="decimal.GetBits(decimal, Span{int})"/>), exact.</summary>
    public void WriteDecimal(decimal value)
    {
        Span<int> parts = stackalloc int[4];
        decimal.GetBits(value, parts);
        foreach (var part in parts)
        {
            WriteInt32(part);
        }
    }

    public void WriteBytes(scoped ReadOnlySpan<byte> value)
    {
        var span = Take(value.Length);
        if (!Overflowed)
        {
            value.CopyTo(span);
        }
    }

    /// <summary>UTF-8 text prefixed by its byte length as uint16.</summary>
    public void WriteText(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        if (length > ushort.MaxValue)
        {
            Overflowed = true;
            return;
        }

        WriteUInt16((ushort)length);
        var span = Take(length);
        if (!Overflowed)
        {
            Encoding.UTF8.GetBytes(value, span);
        }
    }
}
