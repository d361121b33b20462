namespace KPops.Log;

/// <summary>
/// Writes a log as a directory of static files at the exact tlog-tiles paths (<c>checkpoint</c>,
/// <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c>, <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c>), so any static web server
/// can publish it and any tlog-tiles verifier can audit it. Re-running it only adds what is new: full tiles
/// are immutable and are skipped when present. The checkpoint is written last, so a mirror never shows a
/// checkpoint whose tiles are missing.
/// </summary>
public static class FileTileExporter
{
    /// <summary>Copies what <paramref name="source"/> serves for its current checkpoint; returns that checkpoint.</summary>
    public static async Task<Checkpoint> ExportAsync(ITileSource source, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        byte[] note = await source.ReadAsync("checkpoint", cancellationToken)
            ?? throw new InvalidDataException("The source has no checkpoint.");
        if (!SignedNote.TryParseUnverified(note, out string? text, out _) || !Checkpoint.TryParse(text, out Checkpoint? checkpoint, out _))
        {
            throw new InvalidDataException("The source's checkpoint is malformed.");
        }

        foreach (TilePath tile in TileLayout.HashTiles(checkpoint.Size).Concat(TileLayout.EntryBundles(checkpoint.Size)))
        {
            string path = tile.ToString();
            string file = Path.Combine(directory, path.Replace('/', Path.DirectorySeparatorChar));
            if (!tile.IsPartial && File.Exists(file))
            {
                continue;
            }

            byte[] data = await source.ReadAsync(path, cancellationToken)
                ?? throw new InvalidDataException($"The source does not serve {path}.");
            await WriteAtomicallyAsync(file, data, cancellationToken);
        }

        await WriteAtomicallyAsync(Path.Combine(directory, "checkpoint"), note, cancellationToken);
        return checkpoint;
    }

    private static async Task WriteAtomicallyAsync(string file, byte[] data, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        string temp = file + ".tmp";
        await File.WriteAllBytesAsync(temp, data, cancellationToken);
        File.Move(temp, file, overwrite: true);
    }
}
