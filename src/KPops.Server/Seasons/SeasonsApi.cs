using System.Security.Claims;
using System.Text;
using KPops.Format;
using KPops.Format.Model;
using KPops.Server.Hosting;
using KPops.Server.Problems;
using KPops.Server.Staff;
using KPops.Server.Storage;
using KPops.Server.Voting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KPops.Server.Seasons;

/// <summary>
/// Season files under <c>/api/seasons</c>: producers load them (validated by the format engine; every error comes
/// back as <c>path: message</c>), and anyone may read a loaded season's format — the file holds no counts.
/// </summary>
public static class SeasonsApi
{
    public static IEndpointRouteBuilder MapSeasonsApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/seasons").WithTags("Seasons").AllowAnonymous();
        open.MapGet("/", ListAsync).WithName("ListSeasons").WithSummary("The loaded seasons");
        open.MapGet("/{id}", GetAsync).WithName("GetSeason").WithSummary("A loaded season's file (its format; no counts)");

        app.MapGroup("/api/seasons").WithTags("Seasons").RequireStaff(StaffPolicies.Producer)
            .MapPost("/", LoadAsync)
            .WithName("LoadSeason")
            .WithSummary("Load a season file (producers)")
            .Accepts<Season>("application/json");
        return app;
    }

    internal static async Task<Ok<SeasonSummary[]>> ListAsync(KPopsDbContext db, CancellationToken cancellationToken)
    {
        var records = await db.Seasons.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(records.Select(record => Summarize(record, Deserialize(record))).ToArray());
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(string id, KPopsDbContext db, CancellationToken cancellationToken)
    {
        SeasonRecord? record = await db.Seasons.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return record is null
            ? Problem.NotFound(ProblemCodes.SeasonNotFound, $"No season '{id}' is loaded.")
            : TypedResults.Text(record.Json, "application/json; charset=utf-8");
    }

    internal static async Task<Results<Created<SeasonSummary>, ProblemHttpResult>> LoadAsync(
        HttpRequest request, KPopsDbContext db, UserManager<StaffUser> users, ClaimsPrincipal principal,
        IOptions<ServerOptions> options, TimeProvider time, VotingHost voting, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Problem.Of(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, "Send the season file as application/json.");
        }

        byte[]? body = await RequestBody.ReadLimitedAsync(request.Body, options.Value.MaxSeasonFileBytes, cancellationToken);
        if (body is null)
        {
            return Problem.Of(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge,
                $"A season file may be at most {options.Value.MaxSeasonFileBytes} bytes.");
        }

        SeasonLoadResult result = SeasonFile.Parse(Encoding.UTF8.GetString(body), "season");
        if (!result.IsValid)
        {
            var errors = result.Errors.Select(error => error.ToString()).ToArray();
            return Problem.BadRequest(ProblemCodes.SeasonInvalid, $"The season file has {errors.Length} error(s).",
                new Dictionary<string, object?> { ["errors"] = errors });
        }

        Season season = result.Season;
        if (await db.Seasons.AnyAsync(s => s.Id == season.Id, cancellationToken))
        {
            return Problem.Conflict(ProblemCodes.SeasonExists, $"A season with id '{season.Id}' is already loaded.");
        }

        var record = SeasonRecords.Create(season, users.GetUserId(principal), time.GetUtcNow());
        db.Seasons.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another producer loaded the same id between the check and the insert: the key decides.
            return Problem.Conflict(ProblemCodes.SeasonExists, $"A season with id '{season.Id}' is already loaded.");
        }

        // The data directory's first season becomes its log's season (one season per log for now).
        await voting.DefineSeasonAsync(season, cancellationToken);
        return TypedResults.Created($"/api/seasons/{season.Id}", Summarize(record, season));
    }

    private static SeasonSummary Summarize(SeasonRecord record, Season season) =>
        new(record.Id, season.Name.En, season.Name.Ko, record.LoadedAt);

    // Stored JSON was validated and serialized by this server, so it always deserializes.
    private static Season Deserialize(SeasonRecord record) =>
        System.Text.Json.JsonSerializer.Deserialize<Season>(record.Json, SeasonJson.Options)!;
}
