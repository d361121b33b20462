using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace KPops.Voting.Entries;

/// <summary>
/// Reads little-endian fields from untrusted bytes. Every read reports failure instead of throwing and the
/// first failure is kept in <see cref="Error"/>, so a parser reads all fields and checks once.
/// </summary>
internal ref struct EntryReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _source;
    private int _position;

    private EntryReader(ReadOnlySpan<byte> source)
    {
        _source = source;
        _position = EntryFormat.HeaderSize;
        Error = EntryError.None;
    }

    public EntryError Error { get; private set; }

    public readonly bool Failed => Error != EntryError.None;

    /// <summary>Checks the version and kind bytes and positions the reader at the payload.</summary>
    public static bool TryOpen(ReadOnlySpan<byte> entry, EntryKind expected, out EntryReader reader, out EntryError error)
    {
        reader = new EntryReader(entry);
        error = EntryHeader.Check(entry, out var kind);
        if (error == EntryError.None && kind != expected)
        {
            error = EntryError.WrongKind;
        }

        reader.Error = error;
        return error == EntryError.None;
    }

    public void Fail(EntryError error)
    {
        if (Error == EntryError.None)
        {
            Error = error;
        }
    }

    /// <summary>Succeeds when every field was read and nothing is left over.</summary>
    public bool TryFinish(out EntryError error)
    {
        if (!Failed && _position != _source.Length)
        {
            Fail(EntryError.TrailingBytes);
        }

        error = Error;
        return !Failed;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (Failed || count < 0 || _source.Length - _position < count)
        {
            Fail(EntryError.Truncated);
            return default;
        }

        var span = _source.Slice(_position, count);
        _position += count;
        return span;
    }

    public byte ReadByte()
    {
        var span = Take(1);
        return Failed ? (byte)0 : span[0];
    }

    public ushort ReadUInt16()
    {
        var span = Take(2);
        return Failed ? (ushort)0 : BinaryPrimitives.ReadUInt16LittleEndian(span);
    }

    public int ReadInt32()
    {
        var span = Take(4);
        return Failed ? 0 : BinaryPrimitives.ReadInt32LittleEndian(span);
    }

    public uint ReadUInt32()
    {
        var span = Take(4);
        return Failed ? 0u : BinaryPrimitives.ReadUInt32LittleEndian(span);
    }

    public long ReadInt64()
    {
        var span = Take(8);
        return Failed ? 0L : BinaryPrimitives.ReadInt64LittleEndian(span);
    }

    public decimal ReadDecimal()
    {
        Span<int> parts = stackalloc int[4];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = ReadInt32();
        }

        if (Failed)
        {
            return 0m;
        }

        // decimal's constructor throws on a malformed flags word; check it the way the runtime does.
        var flags = parts[3];
        var scale = (flags >> 16) & 0xFF;
        if ((flags & 0x7F00FFFF) != 0 || scale > 28)
        {
            Fail(EntryError.InvalidField);
            return 0m;
        }

        return new decimal(parts);
    }

    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    public string ReadText()
    {
        var length = ReadUInt16();
        var bytes = Take(length);
        if (Failed)
        {
            return string.Empty;
        }

        return TryDecodeUtf8(bytes, out var text) ? text : FailText();
    }

    private string FailText()
    {
        Fail(EntryError.InvalidText);
        return string.Empty;
    }

    private static bool TryDecodeUtf8(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? text)
    {
        if (!Utf8.IsValid(bytes))
        {
            text = null;
            return false;
        }

        text = StrictUtf8.GetString(bytes);
        return true;
    }
}
