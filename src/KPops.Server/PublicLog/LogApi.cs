using System.Globalization;
using KPops.Log;
using KPops.Server.Problems;
using KPops.Server.Voting;
using KPops.Server.Witnesses;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KPops.Server.PublicLog;

/// <summary>
/// The public vote log at the C2SP tlog-tiles paths under <c>/log/</c>, so that any tlog-tiles client can audit
/// it: the signed checkpoint (never cached: it moves), hash tiles and entry bundles (full ones cached for a
/// year: they never change), and the verifier key. Entry bundles are held back (404 <c>entries_embargoed</c>) while
/// they hold a ballot still under embargo (<see cref="EntryEmbargo"/>).
/// </summary>
public static class LogApi
{
    private const string CheckpointContentType = "text/plain; charset=utf-8";
    private const string TileContentType = "application/octet-stream";
    private const string ImmutableCache = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapLogApi(this IEndpointRouteBuilder app)
    {
        var log = app.MapGroup("/log").WithTags("Public log").AllowAnonymous();

        log.MapGet("/checkpoint", GetCheckpointAsync)
            .WithName("GetLogCheckpoint")
            .WithSummary("The latest signed checkpoint (tlog-checkpoint as a signed note), with witness cosignatures once collected");

        log.MapGet("/tile/{**path}", GetTileAsync)
            .WithName("GetLogTile")
            .WithSummary("A hash tile (tile/<L>/<N>[.p/<W>]) or entry bundle (tile/entries/<N>[.p/<W>])");

        log.MapGet("/key", GetKey)
            .WithName("GetLogKey")
            .WithSummary("The signed-note verifier key for the log's checkpoints");

        return app;
    }

    /// <summary>The log's signed note, with the witnesses' cosignature lines once they have cosigned this very checkpoint.</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCheckpointAsync(
        LogHost host, CheckpointCosignatures cosignatures, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        byte[]? checkpoint = await host.Tiles.ReadAsync("checkpoint", context.RequestAborted);
        return checkpoint is null
            ? Problem.Of(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable, "The log has no checkpoint yet.")
            : TypedResults.File(cosignatures.AppendTo(checkpoint), CheckpointContentType);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetTileAsync(
        string path, LogHost host, VotingHost voting, IOptions<LogOptions> options, HttpContext context)
    {
        string resource = "tile/" + path;
        // Only the canonical spelling of a path names a tile; anything else is simply not here.
        if (!TilePath.TryParse(resource, out TilePath parsed))
        {
            return Problem.NotFound(ProblemCodes.TileNotFound, $"The log has no resource '{resource}' (yet).");
        }

        // The horizon is read before the tile: entries committed in between lie at or past it, so never leak.
        if (parsed.IsEntryBundle && options.Value.EmbargoEntries)
        {
            var release = await EntryEmbargo.ReadAsync(voting);
            if (!release.Holds(parsed))
            {
                return Problem.NotFound(ProblemCodes.TileNotFound, $"The log has no resource '{resource}' (yet).");
            }

            if (!release.Releases(parsed))
            {
                context.Response.Headers.CacheControl = "no-store";
                return Problem.NotFound(ProblemCodes.EntriesEmbargoed,
                    $"'{resource}' holds ballots of a round whose announcement is not yet published; hash tiles and the checkpoint are available.");
            }
        }

        byte[]? tile = await host.Tiles.ReadAsync(resource, context.RequestAborted);
        if (tile is null)
        {
            return Problem.NotFound(ProblemCodes.TileNotFound, $"The log has no resource '{resource}' (yet).");
        }

        context.Response.Headers.CacheControl = parsed.IsPartial
            ? string.Create(CultureInfo.InvariantCulture, $"public, max-age={options.Value.PartialTileMaxAgeSeconds}")
            : ImmutableCache;
        return TypedResults.File(tile, TileContentType);
    }

    internal static ContentHttpResult GetKey(LogHost host, HttpContext context)
    {
        context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=3600";
        return TypedResults.Text(host.VerifierKey + "\n", CheckpointContentType);
    }
}
