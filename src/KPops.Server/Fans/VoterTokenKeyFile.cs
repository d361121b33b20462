using KPops.Server.Hosting;

namespace KPops.Server.Fans;

/// <summary>
/// The MAC key of voter tokens (<c>&lt;data&gt;/voter-token.key</c>, 32 random bytes, owner-only): whoever holds it can
/// mint a token for any fan, so it never leaves the data directory, and replacing it signs every fan out.
/// </summary>
internal static class VoterTokenKeyFile
{
    public const string FileName = "voter-token.key";
    private const int KeyBytes = 32;

    public static byte[] LoadOrCreate(DataDirectory data) =>
        OwnerOnlyFile.LoadOrCreateRandomKey(data.PathOf(FileName), KeyBytes, "voter token key");
}
