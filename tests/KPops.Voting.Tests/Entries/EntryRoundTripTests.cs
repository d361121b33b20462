using KPops.Voting.Entries;

namespace KPops.Voting.Tests.Entries;

public sealed class EntryRoundTripTests
{
    public static TheoryData<int> Samples()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < EntrySamples.All.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_entry_kind_decodes_to_what_was_encoded(int sample)
    {
        var entry = EntrySamples.All[sample];
        var bytes = entry.ToBytes();

        Assert.Equal(EntryFormat.Version, bytes[0]);
        Assert.Equal((byte)entry.Kind, bytes[1]);
        Assert.True(LogEntryCodec.TryDecode(bytes, out var decoded, out var error), error.ToString());
        Assert.Equal(entry.Kind, decoded.Kind);
        Assert.Equal(bytes, decoded.ToBytes());
        AssertEquivalent(entry, decoded);
    }

    [Fact]
    public void Ballot_decodes_to_the_same_values_without_the_record_wrapper()
    {
        var bytes = TestBallots.Encode(EntrySamples.Ballot);

        Assert.Equal(BallotCodec.SizeOf(EntrySamples.Ballot), bytes.Length);
        Assert.True(BallotCodec.TryRead(bytes, out var decoded, out var error), error.ToString());
        TestBallots.AssertSame(EntrySamples.Ballot, decoded);
    }

    [Fact]
    public void Ballot_encoding_is_frozen_byte_for_byte()
    {
        // Changing this layout breaks every published log: bump EntryFormat.Version instead.
        const string Expected =
            "0105" + "0200" + "0123456789abcdeffedcba9876543210" + "21500000" + "efbeadde" + "01" + "0400"
            + "7bb91fa79c010000" + "03" + "0300" + "0100" + "feff";

        Assert.Equal(Expected, Convert.ToHexStringLower(TestBallots.Encode(EntrySamples.Ballot)));
    }

    [Fact]
    public void Ballot_does_not_fit_a_buffer_one_byte_short()
    {
        var size = BallotCodec.SizeOf(EntrySamples.Ballot);
        Assert.False(BallotCodec.TryWrite(EntrySamples.Ballot, new byte[size - 1], out var written));
        Assert.Equal(0, written);
        Assert.True(BallotCodec.TryWrite(EntrySamples.Ballot, new byte[size], out written));
        Assert.Equal(size, written);
    }

    [Fact]
    public void Ballot_with_more_picks_than_an_entry_holds_cannot_be_built()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ballot(new ushort[BallotPicks.Capacity + 1]));
    }

    [Fact]
    public void Season_larger_than_one_entry_is_chunked_and_reassembled()
    {
        var season = TestSeasons.Load(TestSeasons.PlanetJson);
        var random = new Random(7);
        var big = season with
        {
            Trainees = Enumerable.Range(0, 4000)
                .Select(i => new KPops.Format.Model.Trainee
                {
                    Id = $"x{i:D4}",
                    Hangul = "연습생",
                    Agency = Convert.ToHexString(Enumerable.Range(0, 24).Select(_ => (byte)random.Next(256)).ToArray()),
                })
                .Concat(season.Trainees)
                .ToArray(),
        };

        var chunks = SeasonDefinition.ToChunks(big);
        var decoded = chunks.Select(c => (SeasonDefined)Decode(c.ToBytes())).ToArray();
        var rebuilt = SeasonDefinition.TryAssemble(decoded, out var problem);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.True(c.ToBytes().Length <= EntryFormat.MaxEntrySize));
        Assert.Null(problem);
        Assert.Equal(KPops.Format.SeasonFile.Serialize(big), KPops.Format.SeasonFile.Serialize(rebuilt!));
    }

    [Fact]
    public void Season_chunks_out_of_order_or_altered_are_refused()
    {
        var season = TestSeasons.Load(TestSeasons.PlanetJson);
        var chunk = SeasonDefinition.ToChunks(season)[0];
        var data = chunk.Data.ToArray();
        data[^1] ^= 0x40;

        Assert.Null(SeasonDefinition.TryAssemble([chunk with { Data = data }], out var altered));
        Assert.NotNull(altered);
        Assert.Null(SeasonDefinition.TryAssemble([chunk with { ChunkCount = 2 }], out var incomplete));
        Assert.NotNull(incomplete);
    }

    private static LogEntry Decode(byte[] bytes)
    {
        Assert.True(LogEntryCodec.TryDecode(bytes, out var decoded, out var error), error.ToString());
        return decoded;
    }

    private static void AssertEquivalent(LogEntry expected, LogEntry actual)
    {
        switch (expected)
        {
            case BallotEntry ballot:
                TestBallots.AssertSame(ballot.Ballot, ((BallotEntry)actual).Ballot);
                break;
            case QuarantineEntry quarantine:
                var other = (QuarantineEntry)actual;
                Assert.Equal(
                    (quarantine.Target, quarantine.Reason, quarantine.Note, quarantine.From, quarantine.To, quarantine.Voter, quarantine.Round),
                    (other.Target, other.Reason, other.Note, other.From, other.To, other.Voter, other.Round));
                Assert.Equal(quarantine.Entries, other.Entries);
                break;
            case AnnouncementPublished published:
                var decoded = (AnnouncementPublished)actual;
                Assert.Equal(published.Announcement, decoded.Announcement);
                Assert.Equal(published.Ranking, decoded.Ranking);
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }
}
