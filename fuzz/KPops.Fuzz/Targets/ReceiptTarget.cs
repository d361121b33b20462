using System.Text;
using System.Text.Json;
using KPops.Log;
using KPops.Server.Voting;

namespace KPops.Fuzz.Targets;

/// <summary>
/// A voter's receipt as the server answers it (<see cref="ReceiptResponse"/> JSON), checked the way a client checks
/// one offline: base64 fields, the signed checkpoint (<see cref="LogVerifier.TryVerifyCheckpoint"/>) and the
/// inclusion proof (<see cref="LogVerifier.VerifyInclusion"/>). Refusals are false or <see cref="JsonException"/>;
/// a receipt that verifies must name an entry the fixture log really holds at that index.
/// </summary>
public sealed class ReceiptTarget : IFuzzTarget
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "receipt";

    public string Description => "receipt JSON checked offline (checkpoint signature, inclusion proof); a forged receipt must not verify";

    public void Run(ReadOnlySpan<byte> input)
    {
        ReceiptResponse? receipt;
        try
        {
            receipt = JsonSerializer.Deserialize<ReceiptResponse>(input, Json);
        }
        catch (JsonException)
        {
            return;
        }

        if (receipt?.EntryHash is null || receipt.Checkpoint is null || receipt.InclusionProof is null)
        {
            return;
        }

        var proof = new List<byte[]>();
        foreach (string? node in receipt.InclusionProof)
        {
            if (node is null || !TryBase64(node, out byte[] hash))
            {
                return;
            }

            proof.Add(hash);
        }

        if (!TryBase64(receipt.EntryHash, out byte[] leaf)
            || !LogVerifier.TryVerifyCheckpoint(Encoding.UTF8.GetBytes(receipt.Checkpoint), FuzzFixture.Verifier, FuzzFixture.Origin, out Checkpoint? checkpoint, out _)
            || !LogVerifier.VerifyInclusion(leaf, receipt.Index, checkpoint.Size, proof, checkpoint.RootHash))
        {
            return;
        }

        var log = FuzzFixture.Log;
        if (receipt.Index >= log.Entries.Count || !leaf.AsSpan().SequenceEqual(Rfc6962.HashLeaf(log.Entries[(int)receipt.Index])))
        {
            throw new FuzzContractException($"A receipt for an entry the log does not hold at {receipt.Index} verified.");
        }
    }

    public IEnumerable<FuzzSeed> Seeds()
    {
        var log = FuzzFixture.Log;
        foreach ((long index, SignedCheckpoint checkpoint) in new[] { (0L, log.Newer), (299L, log.Older), (549L, log.Newer) })
        {
            var receipt = new ReceiptResponse(
                "accepted",
                index,
                Convert.ToBase64String(Rfc6962.HashLeaf(log.Entries[(int)index])),
                Encoding.UTF8.GetString(checkpoint.Note.Span),
                log.InclusionProof(index, checkpoint.Size).Select(Convert.ToBase64String).ToArray());
            yield return new FuzzSeed($"receipt-{index}", JsonSerializer.SerializeToUtf8Bytes(receipt, Json));
        }
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, bytes, out int written))
        {
            return false;
        }

        bytes = bytes[..written];
        return true;
    }
}
