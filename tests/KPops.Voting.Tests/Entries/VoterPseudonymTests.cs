using KPops.Voting.Entries;

namespace KPops.Voting.Tests.Entries;

public sealed class VoterPseudonymTests
{
    private static readonly byte[] Secret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Same_account_and_secret_give_the_same_pseudonym()
    {
        Assert.Equal(new VoterPseudonymizer(Secret).Of("account-1"), new VoterPseudonymizer(Secret).Of("account-1"));
    }

    [Fact]
    public void Pseudonym_is_the_first_16_bytes_of_HMAC_SHA256()
    {
        var expected = System.Security.Cryptography.HMACSHA256.HashData(Secret, "팬-123"u8.ToArray())[..16];
        var actual = new byte[16];
        new VoterPseudonymizer(Secret).Of("팬-123").Write(actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Another_secret_gives_unrelated_pseudonyms()
    {
        var other = Secret.Select(b => (byte)(b ^ 0x5A)).ToArray();
        Assert.NotEqual(new VoterPseudonymizer(Secret).Of("account-1"), new VoterPseudonymizer(other).Of("account-1"));
        Assert.NotEqual(new VoterPseudonymizer(Secret).Of("account-1"), new VoterPseudonymizer(Secret).Of("account-2"));
    }

    [Fact]
    public void Short_secret_and_oversized_account_ids_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new VoterPseudonymizer(new byte[16]));
        Assert.Throws<ArgumentException>(() => new VoterPseudonymizer(Secret).Of(new string('a', VoterPseudonymizer.MaxAccountIdLength + 1)));
    }

    [Fact]
    public void Pseudonym_hex_round_trips()
    {
        var pseudonym = new VoterPseudonymizer(Secret).Of("account-1");
        Assert.True(VoterPseudonym.TryParse(pseudonym.ToString(), out var parsed));
        Assert.Equal(pseudonym, parsed);
        Assert.False(VoterPseudonym.TryParse("xyz", out _));
    }
}
