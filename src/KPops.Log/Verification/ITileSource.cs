namespace KPops.Log;

/// <summary>
/// Anything that serves a tiled log's resources by their tlog-tiles path relative to the log prefix:
/// <c>checkpoint</c>, <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> and <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c>.
/// Sources are untrusted: <see cref="TileLogClient"/> checks everything they return.
/// </summary>
public interface ITileSource
{
    /// <summary>The resource's bytes, or null if the source does not have it.</summary>
    ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default);
}
