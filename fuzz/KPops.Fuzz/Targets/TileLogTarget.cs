using KPops.Log;

namespace KPops.Fuzz.Targets;

/// <summary>
/// A tile client auditing a log served by a hostile source (<see cref="TileLogClient"/>: checkpoint, hash tiles,
/// entry bundles, consistency and inclusion proofs from tiles). The first input byte picks one resource of the
/// fixture log, the rest replaces it. The client must either reject it with <see cref="LogVerificationException"/>
/// or end with exactly the log that was signed: accepting a changed tile or entry is a finding.
/// </summary>
public sealed class TileLogTarget : IFuzzTarget
{
    public string Name => "tiles";

    public string Description => "TileLogClient over a log with one resource replaced by the input; must reject or see the signed log";

    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        var log = FuzzFixture.Log;
        string path = log.ResourcePaths[input[0] % log.ResourcePaths.Count];
        var source = new OneForgedResourceSource(log.Resources, path, input[1..].ToArray());
        try
        {
            AuditAsync(new TileLogClient(source)).GetAwaiter().GetResult();
        }
        catch (LogVerificationException)
        {
            return;
        }
    }

    public IEnumerable<FuzzSeed> Seeds()
    {
        var log = FuzzFixture.Log;
        for (int i = 0; i < log.ResourcePaths.Count; i++)
        {
            byte[] original = log.Resources[log.ResourcePaths[i]];
            yield return new FuzzSeed($"resource-{i:D2}", [(byte)i, .. original]);
        }
    }

    private static async Task AuditAsync(TileLogClient client)
    {
        var log = FuzzFixture.Log;
        Checkpoint head = await client.ReadCheckpointAsync(FuzzFixture.Verifier, FuzzFixture.Origin);
        if (head.Size != log.Newer.Size || !head.RootHash.SequenceEqual(log.Newer.Checkpoint.RootHash))
        {
            throw new FuzzContractException("A checkpoint the log never signed verified.");
        }

        await client.VerifyTreeAsync(head);
        await client.VerifyConsistencyAsync(log.Older.Checkpoint, head);
        await foreach (var entry in client.ReadEntriesAsync(head))
        {
            if (!entry.Data.Span.SequenceEqual(log.Entries[(int)entry.Index]))
            {
                throw new FuzzContractException($"Entry {entry.Index} was changed and still verified.");
            }
        }

        foreach (long index in new long[] { 0, 255, 299, 300, 511, 549 })
        {
            (byte[][] proof, byte[] leaf) = await client.InclusionProofAsync(index, head);
            if (!leaf.AsSpan().SequenceEqual(Rfc6962.HashLeaf(log.Entries[(int)index]))
                || !LogVerifier.VerifyInclusion(leaf, index, head.Size, proof, head.RootHash))
            {
                throw new FuzzContractException($"A proof of entry {index} from forged tiles was returned.");
            }

            if (!(await client.ReadEntryAsync(index, head)).AsSpan().SequenceEqual(log.Entries[(int)index]))
            {
                throw new FuzzContractException($"Entry {index} was changed and still proven.");
            }
        }
    }

    /// <summary>The fixture log's resources with one replaced (an empty replacement stands for "not served").</summary>
    private sealed class OneForgedResourceSource(IReadOnlyDictionary<string, byte[]> resources, string forgedPath, byte[] forged) : ITileSource
    {
        public ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
        {
            if (path == forgedPath)
            {
                return ValueTask.FromResult<byte[]?>(forged.Length == 0 ? null : forged);
            }

            return ValueTask.FromResult(resources.TryGetValue(path, out byte[]? bytes) ? bytes : null);
        }
    }
}
