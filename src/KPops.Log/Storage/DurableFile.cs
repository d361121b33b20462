namespace KPops.Log;

/// <summary>
/// Replaces a small file so that a crash or power cut at any moment leaves the old contents or the new ones, never a
/// torn file: write a temporary file beside it (<c>PATH.tmp</c>), fsync it, rename it over the old one, fsync the
/// directory (without that last step the rename itself could be lost). For the state files: witness and auditor
/// checkpoints, the reveal's progress. (The log's own checkpoint, replaced after every batch, uses the cheaper
/// <see cref="CheckpointSlots"/>.)
/// </summary>
public static class DurableFile
{
    public static void Replace(string path, ReadOnlySpan<byte> contents)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string temporary = path + ".tmp";
        // Crash here or while writing: only the temporary file is affected; the old contents stand.
        using (var file = File.OpenHandle(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            RandomAccess.Write(file, contents, 0);
            RandomAccess.FlushToDisk(file);
        }

        // rename(2) is atomic: a reader sees the old or the new contents. After the directory fsync the new ones
        // survive power loss; a crash between the two may leave the old ones, which are still whole.
        File.Move(temporary, path, overwrite: true);
        DirectorySync.Flush(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }
}
