using KPops.Voting.Entries;

namespace KPops.Voting.Tests.Entries;

public sealed class HostileBytesTests
{
    [Fact]
    public void Every_truncation_of_every_entry_is_reported_not_thrown()
    {
        foreach (var entry in EntrySamples.All)
        {
            var bytes = entry.ToBytes();
            for (var length = 0; length < bytes.Length; length++)
            {
                Assert.False(LogEntryCodec.TryDecode(bytes.AsSpan(0, length), out _, out var error));
                Assert.NotEqual(EntryError.None, error);
            }
        }
    }

    [Fact]
    public void Truncated_ballot_reports_truncated()
    {
        var bytes = TestBallots.Encode(EntrySamples.Ballot);
        Assert.False(BallotCodec.TryRead(bytes.AsSpan(0, bytes.Length - 1), out _, out var error));
        Assert.Equal(EntryError.Truncated, error);
    }

    [Fact]
    public void Extra_bytes_after_an_entry_are_reported()
    {
        foreach (var entry in EntrySamples.All)
        {
            byte[] bytes = [.. entry.ToBytes(), 0];
            Assert.False(LogEntryCodec.TryDecode(bytes, out _, out var error));
            Assert.Equal(EntryError.TrailingBytes, error);
        }
    }

    [Fact]
    public void Unknown_version_and_kind_are_reported()
    {
        var bytes = TestBallots.Encode(EntrySamples.Ballot);
        bytes[0] = 2;
        Assert.False(LogEntryCodec.TryDecode(bytes, out _, out var versionError));
        bytes[0] = EntryFormat.Version;
        bytes[1] = 200;
        Assert.False(LogEntryCodec.TryDecode(bytes, out _, out var kindError));

        Assert.Equal(EntryError.UnsupportedVersion, versionError);
        Assert.Equal(EntryError.UnknownKind, kindError);
    }

    [Fact]
    public void Ballot_claiming_more_picks_than_allowed_is_invalid()
    {
        var bytes = TestBallots.Encode(EntrySamples.Ballot);
        bytes[BallotCodec.FixedSize - 1] = BallotPicks.Capacity + 1;
        Assert.False(BallotCodec.TryRead(bytes, out _, out var error));
        Assert.Equal(EntryError.InvalidField, error);
    }

    [Fact]
    public void Malformed_decimal_score_and_invalid_text_are_reported()
    {
        var announcement = EntrySamples.All.OfType<AnnouncementPublished>().Single().ToBytes();
        // First row: announcement(2) count(2) trainee(2) rank(2), then the decimal's four ints; the last holds the scale.
        var flags = 2 + 2 + 2 + 2 + 2 + 12;
        var badScale = (byte[])announcement.Clone();
        badScale[flags + 2] = 29;
        var extended = new RoundExtended(0, 0, 1, "ok").ToBytes();
        extended[^1] = 0xFF;

        Assert.False(LogEntryCodec.TryDecode(badScale, out _, out var scaleError));
        Assert.False(LogEntryCodec.TryDecode(extended, out _, out var textError));
        Assert.Equal(EntryError.InvalidField, scaleError);
        Assert.Equal(EntryError.InvalidText, textError);
    }

    [Fact]
    public void Random_bytes_and_bit_flips_never_throw()
    {
        var random = new Random(2019);
        var buffer = new byte[512];
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(buffer.Length);
            random.NextBytes(buffer.AsSpan(0, length));
            buffer[0] = EntryFormat.Version;
            if (length > 1)
            {
                buffer[1] = (byte)random.Next(0, 11);
            }

            LogEntryCodec.TryDecode(buffer.AsSpan(0, length), out _, out _);
            BallotCodec.TryRead(buffer.AsSpan(0, length), out _, out _);
        }

        foreach (var entry in EntrySamples.All)
        {
            var bytes = entry.ToBytes();
            for (var i = 0; i < 2_000; i++)
            {
                var flipped = (byte[])bytes.Clone();
                flipped[random.Next(2, flipped.Length)] ^= (byte)(1 << random.Next(8));
                if (LogEntryCodec.TryDecode(flipped, out var decoded, out _))
                {
                    Assert.True(decoded.TryWrite(new byte[EntryFormat.MaxEntrySize], out _));
                }
            }
        }
    }

    [Fact]
    public void Hostile_season_chunks_are_refused_without_throwing()
    {
        var random = new Random(48);
        var chunk = SeasonDefinition.ToChunks(TestSeasons.Load(TestSeasons.PlanetJson))[0];
        for (var i = 0; i < 300; i++)
        {
            var data = new byte[random.Next(1, 200)];
            random.NextBytes(data);
            var hostile = chunk with { Data = data, JsonLength = random.Next(1, 1 << 20) };
            Assert.Null(SeasonDefinition.TryAssemble([hostile], out var problem));
            Assert.NotNull(problem);
        }

        Assert.Null(SeasonDefinition.TryAssemble([chunk with { JsonLength = int.MaxValue }], out _));
    }
}
