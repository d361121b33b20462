namespace KPops.Log;

/// <summary>
/// Reads hashes of perfect subtrees: the node at tree <c>level</c> and <c>index</c> covers leaves
/// [index·2^level, (index+1)·2^level). Proof generation and right-edge recovery only ever ask for such nodes.
/// </summary>
public interface IHashReader
{
    void ReadNodeHash(int level, long index, Span<byte> destination);
}
