using static KPops.Log.Tests.Rfc6962Vectors;

namespace KPops.Log.Tests;

public class Rfc6962Tests
{
    [Fact]
    public void Empty_tree_root_is_the_sha256_of_nothing()
    {
        Assert.Equal(Roots[0], Convert.ToHexStringLower(Rfc6962.EmptyRoot));
        Assert.Equal(Roots[0], Convert.ToHexStringLower(Rfc6962.MerkleTreeHash([])));
    }

    [Fact]
    public void Leaf_hashes_match_the_rfc6962_test_vectors()
    {
        for (int i = 0; i < Leaves.Length; i++)
        {
            Assert.Equal(LeafHashes[i], Convert.ToHexStringLower(Rfc6962.HashLeaf(Leaves[i])));
        }
    }

    [Fact]
    public void Leaf_hashing_of_large_entries_uses_the_same_definition()
    {
        byte[] big = new byte[EntryBundle.MaxEntrySize];
        Random.Shared.NextBytes(big);
        byte[] prefixed = [0x00, .. big];
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(prefixed), Rfc6962.HashLeaf(big));
    }

    [Fact]
    public void Tree_roots_of_every_size_match_the_test_vectors()
    {
        var range = new CompactRange();
        Assert.Equal(Roots[0], Convert.ToHexStringLower(range.RootHash()));
        for (int size = 1; size <= Leaves.Length; size++)
        {
            byte[] leafHashes = [.. HexAll(LeafHashes[..size]).SelectMany(h => h)];
            Assert.Equal(Roots[size], Convert.ToHexStringLower(Rfc6962.MerkleTreeHash(leafHashes)));

            range.Append(Hex(LeafHashes[size - 1]));
            Assert.Equal(Roots[size], Convert.ToHexStringLower(range.RootHash()));
        }
    }

    [Fact]
    public void Compact_range_agrees_with_the_naive_tree_and_reports_completed_subtrees()
    {
        var reference = new ReferenceTree();
        var range = new CompactRange();
        var completed = new RecordingSink();
        for (int i = 0; i < 600; i++)
        {
            byte[] entry = BitConverter.GetBytes(i);
            reference.Add(entry);
            range.Append(Rfc6962.HashLeaf(entry), completed);
            Assert.Equal(reference.Root(i + 1), range.RootHash());
        }

        foreach ((int level, long index, byte[] hash) in completed.Nodes)
        {
            Assert.Equal(reference.Mth(index << level, (index + 1) << level), hash);
        }

        Assert.Contains(completed.Nodes, n => n.Level == 8 && n.Index == 1);
    }

    private sealed class RecordingSink : ICompletedNodeSink
    {
        public List<(int Level, long Index, byte[] Hash)> Nodes { get; } = [];

        public void OnNodeCompleted(int level, long index, ReadOnlySpan<byte> hash) => Nodes.Add((level, index, hash.ToArray()));
    }
}
