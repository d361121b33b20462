using System.Net;
using KPops.Log;

namespace KPops.Audit;

/// <summary>
/// Reads a log's tlog-tiles resources from a server over HTTP(S), e.g. <c>https://example.org/log/</c>.
/// A missing resource (404) reads as null; everything else the server returns is checked by the auditor.
/// </summary>
public sealed class HttpTileSource : ITileSource
{
    private readonly HttpClient _client;
    private readonly Uri _baseUri;

    /// <param name="client">Shared, long-lived client (the caller owns it).</param>
    /// <param name="baseUri">The log prefix; a trailing slash is added when missing.</param>
    public HttpTileSource(HttpClient client, Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(baseUri);
        _client = client;
        _baseUri = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
    }

    public async ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await _client.GetAsync(new Uri(_baseUri, path), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }
}
