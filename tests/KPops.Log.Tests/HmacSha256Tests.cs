using System.Security.Cryptography;
using KPops.Log;

namespace KPops.Log.Tests;

public sealed class HmacSha256Tests
{
    [Theory]
    // RFC 4231 section 4.2 (test case 1) and 4.3 (test case 2).
    [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")]
    [InlineData("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    // RFC 4231 section 4.7 (test case 6): a 131-byte key, longer than a block, is hashed first.
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374",
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")]
    public void Known_answers_from_RFC_4231(string key, string message, string mac)
    {
        Span<byte> ours = stackalloc byte[32];
        new HmacSha256(Convert.FromHexString(key)).HashData(Convert.FromHexString(message), ours);

        Assert.Equal(mac, Convert.ToHexStringLower(ours));
    }

    [Fact]
    public void Macs_equal_the_BCL_for_keys_and_messages_around_the_block_size()
    {
        var random = new Random(2104);
        var message = new byte[200];
        random.NextBytes(message);
        Span<byte> ours = stackalloc byte[32];
        foreach (int keyLength in new[] { 0, 1, 31, 32, 63, 64, 65, 128, 200 })
        {
            var key = new byte[keyLength];
            random.NextBytes(key);
            var hmac = new HmacSha256(key);
            for (int length = 0; length <= message.Length; length += 7)
            {
                hmac.HashData(message.AsSpan(0, length), ours);
                Assert.Equal(HMACSHA256.HashData(key, message.AsSpan(0, length)), ours.ToArray());
            }
        }
    }

    [Fact]
    public void One_key_serves_many_threads_at_once()
    {
        byte[] key = RandomNumberGenerator.GetBytes(32);
        var hmac = new HmacSha256(key);
        Parallel.For(0, 4, thread =>
        {
            Span<byte> ours = stackalloc byte[32];
            for (int i = 0; i < 2_000; i++)
            {
                byte[] message = BitConverter.GetBytes((thread * 10_000) + i);
                hmac.HashData(message, ours);
                Assert.Equal(HMACSHA256.HashData(key, message), ours.ToArray());
            }
        });
    }
}
