using KPops.Format;
using KPops.Format.Model;
using KPops.Server.Seasons;
using KPops.Server.Storage;
using KPops.Server.Voting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Web.Console;

/// <summary>What loading a season file from the console gave: the season, or every validation error (path and message).</summary>
/// <param name="Loaded">The stored season, or null.</param>
/// <param name="Errors">The format engine's errors when the file is invalid.</param>
/// <param name="ExistingId">Set when a season with the file's id is already loaded.</param>
/// <param name="InLog">Whether the log counts this season (the data directory's first one).</param>
public sealed record SeasonUploadResult(Season? Loaded, IReadOnlyList<SeasonError> Errors, string? ExistingId, bool InLog);

/// <summary>
/// Loads a season file as <c>POST /api/seasons</c> does — validated by the format engine, stored once per id, and made
/// the log's season when it is the data directory's first — for the console's upload form.
/// </summary>
public sealed class SeasonUpload(IServiceScopeFactory scopes, VotingHost voting, TimeProvider time)
{
    public async Task<SeasonUploadResult> LoadAsync(string json, string? loadedBy, CancellationToken cancellationToken = default)
    {
        SeasonLoadResult parsed = SeasonFile.Parse(json, "season");
        if (!parsed.IsValid)
        {
            return new SeasonUploadResult(null, parsed.Errors, null, false);
        }

        Season season = parsed.Season;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
        if (await db.Seasons.AnyAsync(s => s.Id == season.Id, cancellationToken))
        {
            return new SeasonUploadResult(null, [], season.Id, false);
        }

        db.Seasons.Add(SeasonRecords.Create(season, loadedBy, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another producer loaded the same id between the check and the insert: the key decides.
            return new SeasonUploadResult(null, [], season.Id, false);
        }

        bool inLog = await voting.DefineSeasonAsync(season, cancellationToken);
        return new SeasonUploadResult(season, [], null, inLog);
    }

    /// <summary>The loaded seasons, as <c>GET /api/seasons</c> lists them.</summary>
    public async Task<IReadOnlyList<SeasonSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
        return (await SeasonsApi.ListAsync(db, cancellationToken)).Value ?? [];
    }
}
