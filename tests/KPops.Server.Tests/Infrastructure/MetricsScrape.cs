using System.Text.RegularExpressions;

namespace KPops.Server.Tests.Infrastructure;

/// <summary>
/// Reads <c>/metrics</c> until it shows what a test just recorded. The Prometheus exporter answers requests that arrive
/// while a collection is running with that collection's result — one that may have started before the recording — and
/// other tests of a fixture scrape too; the values are cumulative, so a later scrape shows them.
/// </summary>
public static class MetricsScrape
{
    public static async Task<string> UntilAsync(HttpClient client, CancellationToken cancellationToken, params string[] patterns)
    {
        string scrape = await client.GetStringAsync("/metrics", cancellationToken);
        for (int tries = 0; tries < 100 && !Array.TrueForAll(patterns, pattern => Regex.IsMatch(scrape, pattern)); tries++)
        {
            await Task.Delay(100, cancellationToken);
            scrape = await client.GetStringAsync("/metrics", cancellationToken);
        }

        return scrape;
    }
}
