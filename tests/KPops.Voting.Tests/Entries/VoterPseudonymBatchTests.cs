using KPops.Voting.Entries;

namespace KPops.Voting.Tests.Entries;

public sealed class VoterPseudonymBatchTests
{
    private static readonly byte[] Secret = [.. Enumerable.Range(7, 32).Select(i => (byte)i)];

    [Fact]
    public void A_batch_gives_every_account_the_pseudonym_it_gets_alone()
    {
        var pseudonymizer = new VoterPseudonymizer(Secret);
        string[] accounts = ["partner/sms/+821012345678", "팬-123", "a", new string('x', VoterPseudonymizer.MaxAccountIdLength), "partner/sms/+821012345678"];
        using var batch = pseudonymizer.StartBatch();
        foreach (string account in accounts)
        {
            Assert.Equal(pseudonymizer.Of(account), batch.Of(account));
        }
    }

    [Fact]
    public void A_batch_refuses_what_the_pseudonymizer_refuses()
    {
        using var batch = new VoterPseudonymizer(Secret).StartBatch();
        Assert.Throws<ArgumentException>(() => batch.Of(string.Empty));
        Assert.Throws<ArgumentException>(() => batch.Of(new string('a', VoterPseudonymizer.MaxAccountIdLength + 1)));
        Assert.Equal(new VoterPseudonymizer(Secret).Of("after-a-refusal"), batch.Of("after-a-refusal"));
    }
}
