namespace KPops.Log;

/// <summary>
/// The hashes a tiled log keeps: level 0 are the leaf hashes, tile level L holds the roots of the complete
/// 256^L-leaf subtrees, in order. These are exactly the hashes tlog-tiles serves, so storage and a remote
/// tile client can both feed proof generation through <see cref="TileLevelHashReader"/>.
/// </summary>
public interface ITileLevelHashSource
{
    /// <summary>Copies destination.Length / 32 consecutive hashes of <paramref name="tileLevel"/> starting at <paramref name="start"/>.</summary>
    void ReadHashes(int tileLevel, long start, Span<byte> destination);
}
