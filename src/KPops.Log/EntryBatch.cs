using System.Buffers;
using System.Buffers.Binary;

namespace KPops.Log;

/// <summary>
/// A reusable batch of log entries, written straight into a pooled buffer in entry-bundle encoding so the
/// log can hash and store them without copying each entry again. Clear and reuse it between batches;
/// dispose it to return the buffer. Not thread-safe.
/// </summary>
public sealed class EntryBatch : IDisposable
{
    private byte[] _buffer;
    private int _length;
    private int _pendingStart = -1;

    public EntryBatch(int initialCapacityBytes = 64 * 1024)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacityBytes, 256));
    }

    public int Count { get; private set; }

    /// <summary>The batch's entries in entry-bundle encoding.</summary>
    public ReadOnlySpan<byte> Encoded => _buffer.AsSpan(0, _length);

    // The pooled array behind Encoded, for the parallel leaf hasher.
    internal byte[] Buffer => _buffer;

    internal int EncodedLength => _length;

    public void Add(ReadOnlySpan<byte> entry)
    {
        ThrowIfPending();
        EnsureCapacity(EntryBundle.EncodedSize(entry.Length));
        _length += EntryBundle.Write(entry, _buffer.AsSpan(_length));
        Count++;
    }

    /// <summary>
    /// Reserves room for one entry of up to <paramref name="maxLength"/> bytes to be serialized in place;
    /// finish with <see cref="CommitEntry"/>.
    /// </summary>
    public Span<byte> GetEntrySpan(int maxLength)
    {
        ThrowIfPending();
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLength, EntryBundle.MaxEntrySize);
        EnsureCapacity(EntryBundle.EncodedSize(maxLength));
        _pendingStart = _length;
        return _buffer.AsSpan(_length + EntryBundle.LengthPrefixSize, maxLength);
    }

    public void CommitEntry(int length)
    {
        if (_pendingStart < 0)
        {
            throw new InvalidOperationException("CommitEntry without GetEntrySpan.");
        }

        int room = _buffer.Length - _pendingStart - EntryBundle.LengthPrefixSize;
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Math.Min(room, EntryBundle.MaxEntrySize));
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(_pendingStart), (ushort)length);
        _length = _pendingStart + EntryBundle.LengthPrefixSize + length;
        _pendingStart = -1;
        Count++;
    }

    public void Clear()
    {
        _length = 0;
        Count = 0;
        _pendingStart = -1;
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void EnsureCapacity(int extra)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (_length + extra <= _buffer.Length)
        {
            return;
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    private void ThrowIfPending()
    {
        if (_pendingStart >= 0)
        {
            throw new InvalidOperationException("An entry from GetEntrySpan is not committed yet.");
        }
    }
}
