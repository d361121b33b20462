using System.Net;
using System.Text;
using KPops.Log;

namespace KPops.Audit.Tests;

/// <summary>
/// Serves an exported tiles directory over HTTP the way a KPops server does during an embargo: every resource as is,
/// except entry bundles from <c>firstEmbargoedBundle</c> on (none when null), which get 404 with the
/// <c>entries_embargoed</c> problem.
/// </summary>
internal sealed class EmbargoedLogServer(string tiles, long? firstEmbargoedBundle) : HttpMessageHandler
{
    public static readonly Uri Base = new("https://show.test/log/");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string path = Base.MakeRelativeUri(request.RequestUri!).ToString();
        if (path.StartsWith("tile/entries/", StringComparison.Ordinal) && !IsReleased(path))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                Content = new StringContent("""{"type":"about:blank","status":404,"code":"entries_embargoed"}""", Encoding.UTF8, "application/problem+json"),
            });
        }

        string file = Path.Combine(tiles, path);
        return Task.FromResult(File.Exists(file)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(File.ReadAllBytes(file)) }
            : new HttpResponseMessage(HttpStatusCode.NotFound));
    }

    private bool IsReleased(string path)
    {
        if (firstEmbargoedBundle is not { } first)
        {
            return true;
        }

        for (long bundle = 0; bundle < first; bundle++)
        {
            if (path == TilePath.EntryBundle(bundle).ToString())
            {
                return true;
            }
        }

        return false;
    }
}
