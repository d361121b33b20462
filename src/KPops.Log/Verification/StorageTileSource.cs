namespace KPops.Log;

/// <summary>
/// Serves tlog-tiles resources straight from log storage (e.g. a data directory opened read-only), limited
/// to what the stored checkpoint covers.
/// </summary>
public sealed class StorageTileSource(ILogStorage storage) : ITileSource
{
    public ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        byte[]? checkpoint = storage.ReadCheckpoint();
        if (path == "checkpoint" || checkpoint is null)
        {
            return ValueTask.FromResult(path == "checkpoint" ? checkpoint : null);
        }

        if (!TilePath.TryParse(path, out TilePath tile)
            || !SignedNote.TryParseUnverified(checkpoint, out string? text, out _)
            || !Checkpoint.TryParse(text, out Checkpoint? parsed, out _))
        {
            return ValueTask.FromResult<byte[]?>(null);
        }

        return ValueTask.FromResult(TileReader.Read(storage, tile, parsed.Size));
    }
}

/// <summary>Serves tlog-tiles resources from a running log; what an HTTP host maps its routes onto.</summary>
public sealed class LogTileSource(TransparencyLog log) : ITileSource
{
    public ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (path == "checkpoint")
        {
            return ValueTask.FromResult<byte[]?>(log.Checkpoint.Note.ToArray());
        }

        return ValueTask.FromResult(TilePath.TryParse(path, out TilePath tile) ? log.ReadTile(tile) : null);
    }
}
