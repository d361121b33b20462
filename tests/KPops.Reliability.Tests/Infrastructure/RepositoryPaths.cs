namespace KPops.Reliability.Tests.Infrastructure;

/// <summary>Finds files of the repository (the committed fuzz corpus) and the built <c>kpops.dll</c> from a test run.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus(string target) => Path.Combine(Root, "fuzz", "corpus", target);

    /// <summary>The CLI assembly, copied next to the tests by the project reference.</summary>
    public static string KpopsDll => Path.Combine(AppContext.BaseDirectory, "kpops.dll");

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
