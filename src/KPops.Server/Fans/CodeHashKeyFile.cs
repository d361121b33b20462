using KPops.Server.Hosting;

namespace KPops.Server.Fans;

/// <summary>
/// The key of the one-time code hashes (<c>&lt;data&gt;/one-time-code.key</c>, 32 random bytes, owner-only). Six digits
/// are a million guesses: an unkeyed hash would give a leaked database's live codes away, a keyed one does not.
/// </summary>
internal static class CodeHashKeyFile
{
    public const string FileName = "one-time-code.key";
    private const int KeyBytes = 32;

    public static byte[] LoadOrCreate(DataDirectory data) =>
        OwnerOnlyFile.LoadOrCreateRandomKey(data.PathOf(FileName), KeyBytes, "one-time code key");
}
