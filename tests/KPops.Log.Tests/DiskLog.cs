namespace KPops.Log.Tests;

/// <summary>The file log in a test directory, opened for one "process lifetime": open, use, close.</summary>
internal static class DiskLog
{
    public static void Session(TempDirectory directory, NoteSigner signer, Action<TransparencyLog> use)
    {
        using var storage = FileLogStorage.Open(directory.Path);
        using var log = TransparencyLog.Open(storage, signer, TestEntries.Origin);
        use(log);
    }
}
