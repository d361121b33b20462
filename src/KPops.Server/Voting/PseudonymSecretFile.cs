using KPops.Server.Hosting;
using KPops.Voting.Entries;

namespace KPops.Server.Voting;

/// <summary>
/// The voter pseudonym secret (<c>&lt;data&gt;/voter-pseudonym.key</c>, 32 random bytes): created owner-only (0600) on
/// first start, read on every later start, never logged or served. Losing it would give every voter a new pseudonym,
/// so quotas would no longer hold across the change; leaking it would let the holder link pseudonyms to accounts.
/// </summary>
internal static class PseudonymSecretFile
{
    public const string FileName = "voter-pseudonym.key";
    private const int SecretBytes = 32;

    public static VoterPseudonymizer LoadOrCreate(DataDirectory data) =>
        new(OwnerOnlyFile.LoadOrCreateRandomKey(data.PathOf(FileName), SecretBytes, "voter pseudonym secret"));
}
