namespace KPops.Format.Tests;

/// <summary>Finds files of the repository (docs, presets) from the test's output directory.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KPops.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No KPops.slnx above {AppContext.BaseDirectory}.");
    }
}
