using static KPops.Log.Tests.Rfc6962Vectors;

namespace KPops.Log.Tests;

public class ProofTests
{
    private static readonly MemoryHashes EightLeaves = new(Leaves);

    [Fact]
    public void Inclusion_proofs_match_the_known_vectors_and_verify()
    {
        foreach ((long index, long size, string[] expected) in InclusionProofs)
        {
            byte[][] proof = MerkleProofs.Inclusion(index, size, EightLeaves.Reader);
            Assert.Equal(expected, proof.Select(Convert.ToHexStringLower));
            Assert.True(LogVerifier.VerifyInclusion(Hex(LeafHashes[index]), index, size, proof, Hex(Roots[size])));
        }
    }

    [Fact]
    public void Consistency_proofs_match_the_known_vectors_and_verify()
    {
        foreach ((long size1, long size2, string[] expected) in ConsistencyProofs)
        {
            byte[][] proof = MerkleProofs.Consistency(size1, size2, EightLeaves.Reader);
            Assert.Equal(expected, proof.Select(Convert.ToHexStringLower));
            Assert.True(LogVerifier.VerifyConsistency(size1, size2, proof, Hex(Roots[size1]), Hex(Roots[size2])));
        }
    }

    [Fact]
    public void Corrupted_inclusion_proofs_are_rejected()
    {
        byte[] someHash = Hex("abacaba000000000000000000000000000000000000000000060061e00123456");
        foreach ((long index, long size, string[] hex) in InclusionProofs)
        {
            byte[][] proof = HexAll(hex);
            byte[] leaf = Hex(LeafHashes[index]);
            byte[] root = Hex(Roots[size]);
            Assert.False(LogVerifier.VerifyInclusion(leaf, index - 1, size, proof, root));
            Assert.False(LogVerifier.VerifyInclusion(leaf, index + 1, size, proof, root));
            Assert.False(LogVerifier.VerifyInclusion(leaf, index ^ 2, size, proof, root));
            Assert.False(LogVerifier.VerifyInclusion(leaf, index, size * 2, proof, root));
            Assert.False(LogVerifier.VerifyInclusion(leaf, index, size / 2, proof, root));
            Assert.False(LogVerifier.VerifyInclusion(someHash, index, size, proof, root));
            Assert.False(LogVerifier.VerifyInclusion(leaf, index, size, proof, Rfc6962.EmptyRoot));
            Assert.False(LogVerifier.VerifyInclusion(leaf, index, size, proof, someHash));
            Assert.False(LogVerifier.VerifyInclusion(leaf, index, size, [.. proof, []], root));
            Assert.False(LogVerifier.VerifyInclusion(leaf, index, size, [.. proof, root], root));
            Assert.False(LogVerifier.VerifyInclusion(leaf, index, size, [[], .. proof], root));
            Assert.False(LogVerifier.VerifyInclusion(leaf, index, size, [root, .. proof], root));
            for (int i = 0; i < proof.Length; i++)
            {
                byte[][] flipped = [.. proof.Select(p => (byte[])p.Clone())];
                flipped[i][0] ^= 8;
                Assert.False(LogVerifier.VerifyInclusion(leaf, index, size, flipped, root));
            }

            if (proof.Length > 0)
            {
                Assert.False(LogVerifier.VerifyInclusion(leaf, index, size, proof[..^1], root));
            }
        }
    }

    [Fact]
    public void Corrupted_consistency_proofs_are_rejected()
    {
        foreach ((long size1, long size2, string[] hex) in ConsistencyProofs)
        {
            byte[][] proof = HexAll(hex);
            if (proof.Length == 0)
            {
                continue;
            }

            byte[] root1 = Hex(Roots[size1]);
            byte[] root2 = Hex(Roots[size2]);
            Assert.False(LogVerifier.VerifyConsistency(size1 - 1, size2, proof, root1, root2));
            Assert.False(LogVerifier.VerifyConsistency(size1 + 1, size2, proof, root1, root2));
            Assert.False(LogVerifier.VerifyConsistency(size1 ^ 2, size2, proof, root1, root2));
            Assert.False(LogVerifier.VerifyConsistency(size1, size2 * 2, proof, root1, root2));
            Assert.False(LogVerifier.VerifyConsistency(size1, size2 / 2, proof, root1, root2));
            Assert.False(LogVerifier.VerifyConsistency(size1, size2, proof, Rfc6962.EmptyRoot, root2));
            Assert.False(LogVerifier.VerifyConsistency(size1, size2, proof, root2, root1));
            Assert.False(LogVerifier.VerifyConsistency(size1, size2, [], root1, root2));
            Assert.False(LogVerifier.VerifyConsistency(size1, size2, [.. proof, root1], root1, root2));
            Assert.False(LogVerifier.VerifyConsistency(size1, size2, [.. proof, root2], root1, root2));
            Assert.False(LogVerifier.VerifyConsistency(size1, size2, [root1, .. proof], root1, root2));
            Assert.False(LogVerifier.VerifyConsistency(size1, size2, [proof[0], .. proof], root1, root2));
            Assert.False(LogVerifier.VerifyConsistency(size1, size2, proof[..^1], root1, root2));
            for (int i = 0; i < proof.Length; i++)
            {
                byte[][] flipped = [.. proof.Select(p => (byte[])p.Clone())];
                flipped[i][0] ^= 16;
                Assert.False(LogVerifier.VerifyConsistency(size1, size2, flipped, root1, root2));
            }
        }
    }

    [Fact]
    public void Degenerate_consistency_cases_follow_rfc9162()
    {
        byte[] root = Hex(Roots[3]);
        Assert.True(LogVerifier.VerifyConsistency(0, 5, [], Rfc6962.EmptyRoot, Hex(Roots[5])));
        Assert.True(LogVerifier.VerifyConsistency(3, 3, [], root, root));
        Assert.False(LogVerifier.VerifyConsistency(3, 3, [root], root, root));
        Assert.False(LogVerifier.VerifyConsistency(3, 3, [], root, Hex(Roots[4])));
        Assert.False(LogVerifier.VerifyConsistency(4, 3, [], root, root));
        Assert.False(LogVerifier.VerifyConsistency(0, 1, [Rfc6962.EmptyRoot.ToArray()], Rfc6962.EmptyRoot, Hex(Roots[1])));
        Assert.False(LogVerifier.VerifyInclusion(Hex(LeafHashes[0]), 0, 0, [], Rfc6962.EmptyRoot));
        Assert.True(LogVerifier.VerifyInclusion(Hex(LeafHashes[0]), 0, 1, [], Hex(Roots[1])));
    }

    [Fact]
    public void Every_proof_of_every_tree_up_to_70_leaves_verifies()
    {
        var reference = new ReferenceTree();
        var entries = new List<byte[]>();
        for (int i = 0; i < 70; i++)
        {
            entries.Add(BitConverter.GetBytes(i * 31));
            reference.Add(entries[^1]);
        }

        var hashes = new MemoryHashes(entries);
        for (long size = 1; size <= entries.Count; size++)
        {
            byte[] root = reference.Root(size);
            Assert.Equal(root, MerkleProofs.RootHash(size, hashes.Reader));
            for (long index = 0; index < size; index++)
            {
                byte[][] proof = MerkleProofs.Inclusion(index, size, hashes.Reader);
                Assert.True(LogVerifier.VerifyInclusion(Rfc6962.HashLeaf(entries[(int)index]), index, size, proof, root));

                // The array-free form writes the same hashes, back to back.
                var flat = new byte[MerkleProofs.MaxInclusionProofHashes * Rfc6962.HashSize];
                int count = MerkleProofs.Inclusion(index, size, hashes.Reader, flat);
                Assert.Equal(proof.Length, count);
                Assert.Equal(proof.SelectMany(hash => hash), flat.Take(count * Rfc6962.HashSize));
            }

            for (long old = 0; old <= size; old++)
            {
                byte[][] proof = MerkleProofs.Consistency(old, size, hashes.Reader);
                Assert.True(LogVerifier.VerifyConsistency(old, size, proof, reference.Root(old), root), $"{old} → {size}");
            }
        }
    }

    /// <summary>Leaf hashes held in memory and served as tile level 0 (trees here stay below 256 leaves).</summary>
    private sealed class MemoryHashes : ITileLevelHashSource
    {
        private readonly byte[] _leafHashes;

        public MemoryHashes(IReadOnlyList<byte[]> entries)
        {
            _leafHashes = [.. entries.SelectMany(e => Rfc6962.HashLeaf(e))];
            Reader = new TileLevelHashReader(this);
        }

        public IHashReader Reader { get; }

        public void ReadHashes(int tileLevel, long start, Span<byte> destination)
        {
            Assert.Equal(0, tileLevel);
            _leafHashes.AsSpan((int)(start * Rfc6962.HashSize), destination.Length).CopyTo(destination);
        }
    }
}
