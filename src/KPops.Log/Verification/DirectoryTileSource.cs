namespace KPops.Log;

/// <summary>Reads a log exported by <see cref="FileTileExporter"/> (or any static tlog-tiles mirror on disk).</summary>
public sealed class DirectoryTileSource(string root) : ITileSource
{
    private readonly string _root = Path.GetFullPath(root);

    public async ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        // Only well-formed resource names map to files, so a path can never climb out of the root.
        if (path != "checkpoint" && !TilePath.TryParse(path, out _))
        {
            return null;
        }

        string file = Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar));
        return File.Exists(file) ? await File.ReadAllBytesAsync(file, cancellationToken) : null;
    }
}
