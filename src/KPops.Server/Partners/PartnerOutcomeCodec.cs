using System.Buffers.Binary;
using KPops.Voting.Ballots;
using KPops.Voting.Pipeline;

namespace KPops.Server.Partners;

/// <summary>
/// The per-ballot outcomes of a partner batch in the compact form <see cref="Storage.PartnerBatch"/> keeps: 10 bytes
/// each — status, reason (both stable enum values) and entry index (little-endian). Leaf hashes are not kept: they
/// are in the log at the index.
/// </summary>
internal static class PartnerOutcomeCodec
{
    private const int Size = 10;

    public static byte[] Encode(ReadOnlySpan<BallotOutcome> outcomes)
    {
        var bytes = new byte[outcomes.Length * Size];
        for (int i = 0; i < outcomes.Length; i++)
        {
            Span<byte> slot = bytes.AsSpan(i * Size, Size);
            slot[0] = (byte)outcomes[i].Status;
            slot[1] = (byte)outcomes[i].Reason;
            BinaryPrimitives.WriteInt64LittleEndian(slot[2..], outcomes[i].Index);
        }

        return bytes;
    }

    public static BallotOutcome[] Decode(byte[] bytes)
    {
        if (bytes.Length % Size != 0)
        {
            throw new InvalidDataException("A stored partner batch's outcomes are corrupt.");
        }

        var outcomes = new BallotOutcome[bytes.Length / Size];
        for (int i = 0; i < outcomes.Length; i++)
        {
            ReadOnlySpan<byte> slot = bytes.AsSpan(i * Size, Size);
            outcomes[i] = new BallotOutcome((SubmitStatus)slot[0], (BallotCheck)slot[1], BinaryPrimitives.ReadInt64LittleEndian(slot[2..]), null);
        }

        return outcomes;
    }
}
