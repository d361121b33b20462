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

    /// <summary>The problem code a KPops server answers for an entry bundle still under embargo.</summary>
    public const string EmbargoedCode = "\"entries_embargoed\"";

    /// <summary>Whether the server refused an entry bundle because it is under embargo (see docs/log.md).</summary>
    public bool EntriesEmbargoed { get; private set; }

    public async ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await _client.GetAsync(new Uri(_baseUri, path), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            // A KPops server holds back entry bundles with ballots of rounds whose announcement is not yet published.
            if (path.StartsWith("tile/entries/", StringComparison.Ordinal)
                && (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Contains(EmbargoedCode, StringComparison.Ordinal))
            {
                EntriesEmbargoed = true;
            }

            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }
}
