namespace KPops.Voting.Entries;

/// <summary>
/// The <see cref="EntryKind.Ballot"/> entry: the hot path of both ingestion and replay, so it reads and
/// writes straight between spans and <see cref="Ballot"/> values without allocating.
/// </summary>
public static class BallotCodec
{
    /// <summary>Header, round, voter, period, nonce, channel, segment, time and pick count.</summary>
    public const int FixedSize = EntryFormat.HeaderSize + 2 + VoterPseudonym.Size + 4 + 4 + 1 + 2 + 8 + 1;

    public const int MaxSize = FixedSize + (BallotPicks.Capacity * 2);

    public static int SizeOf(in Ballot ballot) => FixedSize + (ballot.PickCount * 2);

    public static bool TryWrite(in Ballot ballot, Span<byte> destination, out int written)
    {
        var writer = new EntryWriter(destination, EntryKind.Ballot);
        writer.WriteUInt16(ballot.Round);
        Span<byte> voter = stackalloc byte[VoterPseudonym.Size];
        ballot.Voter.Write(voter);
        writer.WriteBytes(voter);
        writer.WriteInt32(ballot.Period);
        writer.WriteUInt32(ballot.Nonce);
        writer.WriteByte(ballot.Channel);
        writer.WriteUInt16(ballot.Segment);
        writer.WriteInt64(ballot.ServerTimeMs);
        var picks = ballot.Picks;
        writer.WriteByte((byte)picks.Length);
        foreach (var pick in picks)
        {
            writer.WriteUInt16(pick);
        }

        return writer.TryFinish(out written);
    }

    public static bool TryRead(ReadOnlySpan<byte> entry, out Ballot ballot, out EntryError error)
    {
        ballot = default;
        if (!EntryReader.TryOpen(entry, EntryKind.Ballot, out var reader, out error))
        {
            return false;
        }

        var round = reader.ReadUInt16();
        var voterBytes = reader.ReadBytes(VoterPseudonym.Size);
        var voter = reader.Failed ? default : VoterPseudonym.Read(voterBytes);
        var period = reader.ReadInt32();
        var nonce = reader.ReadUInt32();
        var channel = reader.ReadByte();
        var segment = reader.ReadUInt16();
        var time = reader.ReadInt64();
        var count = reader.ReadByte();
        if (count > BallotPicks.Capacity)
        {
            reader.Fail(EntryError.InvalidField);
        }

        Span<ushort> picks = stackalloc ushort[BallotPicks.Capacity];
        for (var i = 0; i < count && !reader.Failed; i++)
        {
            picks[i] = reader.ReadUInt16();
        }

        if (!reader.TryFinish(out error))
        {
            return false;
        }

        ballot = new Ballot(picks[..count])
        {
            Round = round,
            Voter = voter,
            Period = period,
            Nonce = nonce,
            Channel = channel,
            Segment = segment,
            ServerTimeMs = time,
        };
        return true;
    }
}
