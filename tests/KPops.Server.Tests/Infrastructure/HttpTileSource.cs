using System.Net;
using KPops.Log;

namespace KPops.Server.Tests.Infrastructure;

/// <summary>Reads tlog-tiles resources over HTTP under a prefix, the way an outside auditor would.</summary>
internal sealed class HttpTileSource(HttpClient client, string prefix = "/log/") : ITileSource
{
    public async ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await client.GetAsync(prefix + path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }
}
