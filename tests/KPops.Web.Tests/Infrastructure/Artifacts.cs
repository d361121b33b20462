namespace KPops.Web.Tests.Infrastructure;

/// <summary>
/// Where the browser tests leave what a person looks at after a run: screenshots and server logs. The directory is
/// <c>KPOPS_ARTIFACTS</c> when set, else <c>artifacts/</c> at the repository root (ignored by git).
/// </summary>
public static class Artifacts
{
    public const string EnvironmentVariable = "KPOPS_ARTIFACTS";

    /// <summary>The artifacts root: screenshots go under <c>screenshots/</c>, server logs under <c>server-logs/</c>.</summary>
    public static string Root { get; } = ResolveRoot();

    public static string ScreenshotsDirectory => Path.Combine(Root, "screenshots");

    public static string ServerLogPath(string name) => Path.Combine(Root, "server-logs", name + ".log");

    private static string ResolveRoot()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        // The tests run from bin/<configuration>/net10.0: walk up to the solution file.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KPops.slnx")))
            {
                return Path.Combine(directory.FullName, "artifacts");
            }
        }

        return Path.Combine(Path.GetTempPath(), "kpops-artifacts");
    }
}
