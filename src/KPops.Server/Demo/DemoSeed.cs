using KPops.Format;
using KPops.Format.Model;
using KPops.Server.Seasons;
using KPops.Server.Staff;
using KPops.Server.Storage;
using KPops.Server.Voting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Demo;

/// <summary>What <c>kpops demo</c> set up: the season it loaded and one account per staff role.</summary>
public sealed record DemoSetup(Season Season, IReadOnlyList<StaffCredentials> Staff);

/// <summary>
/// Fills a data directory for a demonstration: a preset season (loaded once; kept on later starts) and one staff
/// account per role, whose passwords are reset on every start so they can be printed.
/// </summary>
public static class DemoSeed
{
    public const string DefaultPreset = "produce-x-101";
    public const string StaffDomain = "demo.kpops.localhost";

    public static async Task<DemoSetup> SeedAsync(IServiceProvider services, string preset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        Season season = Presets.Load(preset);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
        if (!await db.Seasons.AnyAsync(s => s.Id == season.Id, cancellationToken))
        {
            db.Seasons.Add(SeasonRecords.Create(season, loadedBy: null, TimeProvider.System.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        await services.GetRequiredService<VotingHost>().DefineSeasonAsync(season, cancellationToken);

        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var staff = new List<StaffCredentials>();
        foreach (string role in StaffRoles.All)
        {
            staff.Add(await accounts.CreateOrResetAsync($"{role}@{StaffDomain}", role));
        }

        return new DemoSetup(season, staff);
    }
}
