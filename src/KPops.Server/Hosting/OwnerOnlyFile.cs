using System.Security.Cryptography;

namespace KPops.Server.Hosting;

/// <summary>Secrets at rest in the data directory: files only the server's own OS user may read (0600).</summary>
internal static class OwnerOnlyFile
{
    /// <summary>
    /// Reads the random key at <paramref name="path"/>, creating it with <paramref name="length"/> random bytes on
    /// first start. A key shorter than that stops the server: it was truncated or replaced by hand.
    /// </summary>
    public static byte[] LoadOrCreateRandomKey(string path, int length, string description)
    {
        if (!File.Exists(path))
        {
            WriteNew(path, RandomNumberGenerator.GetBytes(length));
        }

        byte[] key = File.ReadAllBytes(path);
        return key.Length >= length
            ? key
            : throw new InvalidOperationException($"The {description} in {path} is shorter than {length} bytes.");
    }

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
