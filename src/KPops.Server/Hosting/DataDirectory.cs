using Microsoft.Extensions.Options;

namespace KPops.Server.Hosting;

/// <summary>The resolved, existing data directory (<see cref="ServerOptions.DataDirectory"/>).</summary>
public sealed class DataDirectory
{
    public DataDirectory(IOptions<ServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Path = System.IO.Path.GetFullPath(options.Value.DataDirectory);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The full path of <paramref name="name"/> inside the data directory.</summary>
    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A subdirectory only the server's own OS user may enter (0700), for secrets at rest.</summary>
    public DirectoryInfo CreatePrivateDirectory(string name) =>
        OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(PathOf(name))
            : Directory.CreateDirectory(PathOf(name), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
}
