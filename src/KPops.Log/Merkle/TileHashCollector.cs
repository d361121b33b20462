using System.Buffers;

namespace KPops.Log;

/// <summary>
/// Collects what a batch completes as the compact range reports it: the tile-level hashes (roots of 256^L-leaf
/// subtrees, L ≥ 1) to store, and every completed node, so that the log can remember them for proofs once the batch
/// is committed. Buffers are pooled and reused across batches.
/// </summary>
internal sealed class TileHashCollector : ICompletedNodeSink, IDisposable
{
    private readonly byte[]?[] _levels = new byte[]?[TileLayout.MaxLevel + 1];
    private readonly int[] _lengths = new int[TileLayout.MaxLevel + 1];
    private (int Level, long Index)[] _nodes = new (int, long)[64];
    private byte[] _nodeHashes = new byte[64 * Rfc6962.HashSize];
    private int _nodeCount;

    /// <summary>How many nodes (any level ≥ 1) the batch completed; see <see cref="Node"/>.</summary>
    public int NodeCount => _nodeCount;

    /// <summary>The hash of the <paramref name="i"/>th node the batch completed (in the order the range completed them), and where it sits.</summary>
    public ReadOnlySpan<byte> Node(int i, out int level, out long index)
    {
        (level, index) = _nodes[i];
        return _nodeHashes.AsSpan(i * Rfc6962.HashSize, Rfc6962.HashSize);
    }

    public void OnNodeCompleted(int level, long index, ReadOnlySpan<byte> hash)
    {
        RememberNode(level, index, hash);
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

    public void Clear()
    {
        Array.Clear(_lengths);
        _nodeCount = 0;
    }

    private void RememberNode(int level, long index, ReadOnlySpan<byte> hash)
    {
        if (_nodeCount == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
            Array.Resize(ref _nodeHashes, _nodeHashes.Length * 2);
        }

        _nodes[_nodeCount] = (level, index);
        hash[..Rfc6962.HashSize].CopyTo(_nodeHashes.AsSpan(_nodeCount * Rfc6962.HashSize));
        _nodeCount++;
    }

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
