namespace KPops.Log;

/// <summary>
/// Replaces a small file so that a crash or power cut at any moment leaves the old contents or the new ones, never a
/// torn file: write a temporary file beside it, fsync it, rename it over the old one, fsync the directory (without
/// that last step the rename itself could be lost). For state files — witness and auditor checkpoints, the reveal's
/// progress — not for the log, whose storage does this for its checkpoint itself.
/// </summary>
public static class DurableFile
{
    public static void Replace(string path, ReadOnlySpan<byte> contents)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(contents);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        DirectorySync.Flush(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }
}
