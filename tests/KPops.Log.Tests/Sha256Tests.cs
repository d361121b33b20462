using System.Security.Cryptography;
using KPops.Log;

namespace KPops.Log.Tests;

public sealed class Sha256Tests
{
    [Fact]
    public void Log_hashing_uses_OpenSSL_low_level_API_on_Debian()
    {
        // Not a speed test: it guards against silently losing the fast path (e.g. a renamed export).
        Assert.True(Sha256.UsesLowLevelOpenSsl || !OperatingSystem.IsLinux());
    }

    [Fact]
    public void Hashes_equal_the_BCL_for_every_length_up_to_several_blocks()
    {
        var data = new byte[300];
        new Random(6962).NextBytes(data);
        Span<byte> ours = stackalloc byte[32];
        for (int length = 0; length <= data.Length; length++)
        {
            Sha256.HashData(data.AsSpan(0, length), ours);
            Assert.Equal(SHA256.HashData(data.AsSpan(0, length)), ours.ToArray());
        }
    }

    [Fact]
    public void Known_answer_for_abc_from_FIPS_180_4()
    {
        Span<byte> hash = stackalloc byte[32];
        Sha256.HashData("abc"u8, hash);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void Too_small_destination_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Sha256.HashData("abc"u8, new byte[31]));
    }
}
