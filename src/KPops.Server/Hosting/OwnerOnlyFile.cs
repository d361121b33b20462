namespace KPops.Server.Hosting;

/// <summary>Secrets at rest in the data directory: files only the server's own OS user may read (0600).</summary>
internal static class OwnerOnlyFile
{
    /// <summary>
    /// Writes a new file created owner-only before any secret goes in, then renamed into place, so that a crash
    /// never leaves a half-written secret that the next start would reject.
    /// </summary>
    public static void WriteNew(string path, ReadOnlySpan<byte> secret)
    {
        string temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            stream.Write(secret);
        }

        File.Move(temp, path, overwrite: false);
    }
}
