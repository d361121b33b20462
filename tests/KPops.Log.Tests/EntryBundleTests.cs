namespace KPops.Log.Tests;

public class EntryBundleTests
{
    [Fact]
    public void Entries_are_big_endian_length_prefixed()
    {
        using var batch = new EntryBatch();
        batch.Add([0xAA]);
        batch.Add([]);
        batch.Add(new byte[300]);
        byte[] encoded = batch.Encoded.ToArray();
        Assert.Equal(new byte[] { 0x00, 0x01, 0xAA, 0x00, 0x00, 0x01, 0x2C }, encoded[..7]);
        Assert.Equal(3 + 2 + 302, encoded.Length);
        Assert.True(EntryBundle.TryCountEntries(encoded, out int count));
        Assert.Equal(3, count);
    }

    [Fact]
    public void Entries_serialized_in_place_are_encoded_like_added_ones()
    {
        using var inPlace = new EntryBatch(16);
        using var added = new EntryBatch();
        for (int i = 0; i < 100; i++)
        {
            byte[] entry = new byte[i * 7];
            Random.Shared.NextBytes(entry);
            Span<byte> span = inPlace.GetEntrySpan(1000);
            entry.CopyTo(span);
            inPlace.CommitEntry(entry.Length);
            added.Add(entry);
        }

        Assert.Equal(added.Encoded.ToArray(), inPlace.Encoded.ToArray());
        Assert.Equal(100, inPlace.Count);
    }

    [Fact]
    public void Oversized_entries_are_refused()
    {
        using var batch = new EntryBatch();
        Assert.Throws<ArgumentException>(() => batch.Add(new byte[EntryBundle.MaxEntrySize + 1]));
        batch.Add(new byte[EntryBundle.MaxEntrySize]);
        Assert.Equal(1, batch.Count);
    }

    [Theory]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0x00, 0x02, 0x01 })]
    [InlineData(new byte[] { 0x00, 0x00, 0xFF })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0x00, 0x00 })]
    public void Truncated_bundles_are_reported_malformed(byte[] bundle)
    {
        Assert.False(EntryBundle.TryCountEntries(bundle, out _));
    }

    [Fact]
    public void Hostile_bytes_never_make_the_reader_throw()
    {
        var random = new Random(7);
        for (int i = 0; i < 5000; i++)
        {
            byte[] bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            var reader = new EntryBundleReader(bytes);
            int total = 0;
            while (reader.TryReadNext(out ReadOnlySpan<byte> entry))
            {
                total += entry.Length + 2;
            }

            Assert.Equal(total, reader.Consumed);
            Assert.True(reader.IsMalformed || reader.IsAtEnd);
            Assert.Equal(!reader.IsMalformed, EntryBundle.TryCountEntries(bytes, out _));
        }
    }
}
