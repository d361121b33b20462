using System.Text.Json;
using KPops.Format;
using KPops.Format.Model;
using KPops.Server.Seasons;
using KPops.Server.Staff;
using KPops.Server.Storage;
using KPops.Server.Voting;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Demo;

/// <summary>What <c>kpops demo</c> set up: the season it loaded and one account per staff role.</summary>
public sealed record DemoSetup(Season Season, IReadOnlyList<StaffCredentials> Staff)
{
    /// <summary>The round fans can vote in right now (with <see cref="DemoSchedule.FirstRoundOpenNow"/>), or null.</summary>
    public DemoRound? OpenRound { get; init; }
}

/// <summary>A round of the demo season that is open for voting, and until when.</summary>
public sealed record DemoRound(string Id, DateTimeOffset ClosesAt);

/// <summary>
/// Fills a data directory for a demonstration: a preset season (loaded once; kept on later starts) and one staff
/// account per role, whose passwords are reset on every start so they can be printed.
/// </summary>
public static class DemoSeed
{
    public const string DefaultPreset = "produce-x-101";
    public const string StaffDomain = "demo.kpops.localhost";

    /// <summary>How long the demo keeps its first round open when it has to extend it (its scheduled window is over).</summary>
    public static readonly TimeSpan Extension = TimeSpan.FromDays(7);

    /// <summary>Seeds <paramref name="preset"/> with its published dates (<see cref="DemoSchedule.AsPublished"/>).</summary>
    public static Task<DemoSetup> SeedAsync(IServiceProvider services, string preset, CancellationToken cancellationToken = default) =>
        SeedAsync(services, preset, DemoSchedule.AsPublished, cancellationToken);

    /// <summary>
    /// Seeds <paramref name="preset"/> (moved in time as <paramref name="schedule"/> says when it is first loaded) and
    /// the staff accounts. With <see cref="DemoSchedule.FirstRoundOpenNow"/> the first round is open when this returns
    /// (<see cref="DemoSetup.OpenRound"/>): if its scheduled window is not current — a data directory kept from an
    /// earlier demo — the producer's log entries open it now and extend it by <see cref="Extension"/>.
    /// </summary>
    public static async Task<DemoSetup> SeedAsync(
        IServiceProvider services, string preset, DemoSchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var time = services.GetRequiredService<TimeProvider>();
        Season season = Presets.Load(preset);
        if (schedule == DemoSchedule.FirstRoundOpenNow)
        {
            season = SeasonShift.FirstRoundOpenAt(season, time.GetUtcNow());
        }

        await using var scope = services.CreateAsyncScope();
        season = await LoadSeasonAsync(services, season, cancellationToken);

        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var staff = new List<StaffCredentials>();
        foreach (string role in StaffRoles.All)
        {
            staff.Add(await accounts.CreateOrResetAsync($"{role}@{StaffDomain}", role));
        }

        DemoRound? open = schedule == DemoSchedule.FirstRoundOpenNow
            ? await OpenFirstRoundAsync(services.GetRequiredService<VotingHost>(), season, time)
            : null;
        return new DemoSetup(season, staff) { OpenRound = open };
    }

    /// <summary>
    /// Stores <paramref name="season"/> unless a season with its id is stored already, makes it the log's season if
    /// the log has none, and returns the stored one (which may differ from the argument: an earlier start's dates).
    /// </summary>
    public static async Task<Season> LoadSeasonAsync(IServiceProvider services, Season season, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(season);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
        SeasonRecord? stored = await db.Seasons.AsNoTracking().FirstOrDefaultAsync(s => s.Id == season.Id, cancellationToken);
        if (stored is null)
        {
            db.Seasons.Add(SeasonRecords.Create(season, loadedBy: null, services.GetRequiredService<TimeProvider>().GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            season = JsonSerializer.Deserialize<Season>(stored.Json, SeasonJson.Options) ?? season;
        }

        await services.GetRequiredService<VotingHost>().DefineSeasonAsync(season, cancellationToken);
        return season;
    }

    /// <summary>
    /// Makes sure the season's first round takes ballots now; null when it cannot (the log counts another season, or a
    /// producer closed the round for good).
    /// </summary>
    private static async Task<DemoRound?> OpenFirstRoundAsync(VotingHost voting, Season season, TimeProvider time)
    {
        BallotPipeline? pipeline = voting.Pipeline;
        if (season.Rounds.Count == 0 || pipeline is null || pipeline.Season.Season.Id != season.Id
            || !pipeline.Season.TryGetRound(season.Rounds[0].Id, out int round))
        {
            return null;
        }

        Round first = season.Rounds[0];
        DateTimeOffset now = time.GetUtcNow();
        if (now >= first.OpensAt && now < first.ClosesAt)
        {
            return new DemoRound(first.Id, first.ClosesAt);
        }

        long nowMs = now.ToUnixTimeMilliseconds();
        if (now < first.OpensAt && (await pipeline.AppendAsync(new RoundOpened((ushort)round, nowMs))).Status != SubmitStatus.Accepted)
        {
            return null;
        }

        DateTimeOffset closes = now + Extension;
        var extended = await pipeline.AppendAsync(new RoundExtended((ushort)round, nowMs, closes.ToUnixTimeMilliseconds(),
            "Demo: the first round is kept open for voting for a week from the demo's start."));
        return extended.Status == SubmitStatus.Accepted ? new DemoRound(first.Id, closes) : null;
    }
}
