using System.Buffers;

namespace KPops.Log;

/// <summary>
/// Collects the tile-level hashes a batch completes (roots of 256^L-leaf subtrees, L ≥ 1) as the compact
/// range reports them. Buffers are pooled and reused across batches.
/// </summary>
internal sealed class TileHashCollector : ICompletedNodeSink, IDisposable
{
    private readonly byte[]?[] _levels = new byte[]?[TileLayout.MaxLevel + 1];
    private readonly int[] _lengths = new int[TileLayout.MaxLevel + 1];

    public void OnNodeCompleted(int level, long index, ReadOnlySpan<byte> hash)
    {
        if (level % TileLayout.TileHeight != 0)
        {
            return;
        }

        int tileLevel = level / TileLayout.TileHeight;
        byte[] buffer = _levels[tileLevel] ??= ArrayPool<byte>.Shared.Rent(4096);
        if (_lengths[tileLevel] + Rfc6962.HashSize > buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, _lengths[tileLevel]).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            _levels[tileLevel] = buffer = larger;
        }

        hash.CopyTo(buffer.AsSpan(_lengths[tileLevel]));
        _lengths[tileLevel] += Rfc6962.HashSize;
    }

    public ReadOnlySpan<byte> Hashes(int tileLevel) => _levels[tileLevel] is { } buffer ? buffer.AsSpan(0, _lengths[tileLevel]) : [];

    public void Clear() => Array.Clear(_lengths);

    public void Dispose()
    {
        for (int i = 0; i < _levels.Length; i++)
        {
            if (_levels[i] is { } buffer)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                _levels[i] = null;
            }
        }
    }
}
