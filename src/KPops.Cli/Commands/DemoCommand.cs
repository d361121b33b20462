using System.CommandLine;
using System.Globalization;
using KPops.Cli.Demo;
using KPops.Format;
using KPops.Format.Model;
using KPops.Server;
using KPops.Server.Demo;
using KPops.Server.PublicLog;
using KPops.Server.Telemetry;
using KPops.Server.Voting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace KPops.Cli.Commands;

/// <summary>
/// <c>kpops demo</c>: the server with a preset season whose first round is open now and one staff account per role,
/// printing what a visitor needs — the sign-ins, the log's verifier key, how to vote and the URLs to open; with
/// <c>--traffic N</c>, simulated fans cast N ballots a second until it stops.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Most synthetic ballots a second <c>--traffic</c> takes: a demo, not a benchmark (see <c>kpops bench</c>).</summary>
    public const int MaxTraffic = 100_000;

    public static Command Create()
    {
        var flags = new ServeFlags();
        var preset = new Option<string>("--preset")
        {
            Description = $"The season to load ({string.Join(", ", Presets.Names)}).",
            DefaultValueFactory = _ => DemoSeed.DefaultPreset,
        };
        var traffic = new Option<int>("--traffic")
        {
            Description = $"Synthetic ballots per second from simulated fans (0 to {MaxTraffic:N0}), so that the log and the counts move.",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("demo", "Run the server on a demo season whose first round is open, with seeded staff accounts (data in a temp directory unless --data).")
        {
            preset,
            traffic,
        };
        flags.AddTo(command);
        command.SetCliAction((parseResult, console) => ServeFlags.Run(async () =>
        {
            string presetName = parseResult.GetRequiredValue(preset);
            if (!Presets.Names.Contains(presetName))
            {
                throw new CliException($"there is no preset '{presetName}'; presets: {string.Join(", ", Presets.Names)}");
            }

            int ballotsPerSecond = parseResult.GetValue(traffic);
            if (ballotsPerSecond is < 0 or > MaxTraffic)
            {
                throw new CliException($"--traffic must be between 0 and {MaxTraffic} ballots per second.");
            }

            var defaultData = new DirectoryInfo(Path.Combine(Path.GetTempPath(), "kpops-demo"));
            await using var app = KPopsServer.Build(flags.CreateBuilder(parseResult, defaultData));
            await KPopsServer.PrepareDatabaseAsync(app);
            DemoSetup setup = await DemoSeed.SeedAsync(app.Services, presetName, DemoSchedule.FirstRoundOpenNow);
            await app.StartAsync();
            string dataDirectory = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.DataDirectory;
            Print(console, setup, app.Services.GetRequiredService<LogHost>(), app.Urls, dataDirectory);

            var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            Task generator = Task.CompletedTask;
            if (ballotsPerSecond > 0)
            {
                generator = StartTraffic(console, app.Services, setup, ballotsPerSecond, stopping);
            }

            await app.WaitForShutdownAsync();
            await generator;
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Task StartTraffic(CliConsole console, IServiceProvider services, DemoSetup setup, int ballotsPerSecond, CancellationToken stopping)
    {
        var pipeline = services.GetRequiredService<VotingHost>().Pipeline;
        if (pipeline is null || setup.OpenRound is null)
        {
            console.WriteError("no traffic: the log's season has no open round to vote in.");
            return Task.CompletedTask;
        }

        var traffic = new DemoTraffic(pipeline, services.GetRequiredService<KPopsMetrics>(), services.GetRequiredService<TimeProvider>(),
            setup.OpenRound.Id, ballotsPerSecond);
        console.Out.WriteLine($"Traffic: {ballotsPerSecond:N0} ballots/s from simulated fans in round {setup.OpenRound.Id}, " +
            "about 5 % of them refused on purpose (quota-exhausted, too-many-picks).", Style.Plain);
        return Task.Run(async () =>
        {
            Task sending = traffic.RunAsync(stopping);
            while (await Task.WhenAny(sending, Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None)) != sending)
            {
                Report(console, traffic, pipeline.LogSize);
            }

            await sending;
            Report(console, traffic, pipeline.LogSize);
        }, CancellationToken.None);
    }

    private static void Report(CliConsole console, DemoTraffic traffic, long logSize) =>
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"traffic: {traffic.Accepted:N0} ballots accepted, {traffic.IntendedRejections:N0} refused as intended, " +
            $"{traffic.Unexpected:N0} other refusals; log size {logSize:N0}"), Style.Plain);

    private static void Print(CliConsole console, DemoSetup setup, LogHost log, ICollection<string> urls, string dataDirectory)
    {
        var output = console.Out;
        output.WriteLine($"KPops demo: {setup.Season.Name.En} ({setup.Season.Id}), {setup.Season.Trainees.Count} trainees", Style.Plain);
        var staff = new Table().AddColumns("role", "e-mail", "password");
        foreach (var account in setup.Staff)
        {
            staff.AddRow(Markup.Escape(account.Role), Markup.Escape(account.Email), Markup.Escape(account.Password));
        }

        output.Write(staff);
        output.WriteLine("Staff passwords are new at every start; sign in with POST /api/staff/login.", Style.Plain);
        output.WriteLine($"Log origin:       {log.Origin}", Style.Plain);
        output.WriteLine($"Log verifier key: {log.VerifierKey}", Style.Plain);
        output.WriteLine($"Data directory:   {dataDirectory}", Style.Plain);
        PrintVoting(console, setup, dataDirectory);
        foreach (string url in urls)
        {
            string root = url.TrimEnd('/');
            output.WriteLine($"Listening on {root}", Style.Plain);
            output.WriteLine($"  Fan site (ko/en):       {root}/", Style.Plain);
            output.WriteLine($"  Producer console:       {root}/console", Style.Plain);
            output.WriteLine($"  API reference (Scalar): {root}/scalar", Style.Plain);
            output.WriteLine($"  OpenAPI document:       {root}/openapi/v1.json", Style.Plain);
            output.WriteLine($"  Log checkpoint:         {root}/log/checkpoint", Style.Plain);
            output.WriteLine($"  Season:                 {root}/api/seasons/{setup.Season.Id}", Style.Plain);
            output.WriteLine($"  Health / metrics:       {root}/health  {root}/metrics (producers)", Style.Plain);
        }

        output.WriteLine("Press Ctrl+C to stop.", Style.Plain);
    }

    private static void PrintVoting(CliConsole console, DemoSetup setup, string dataDirectory)
    {
        var output = console.Out;
        if (setup.OpenRound is not { } open)
        {
            output.WriteLine("Voting:           no round is open (a producer closed the first round, or the log counts another season).", Style.Plain);
            return;
        }

        Round round = setup.Season.Rounds.First(r => r.Id == open.Id);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(setup.Season.TimeZone);
        string closes = TimeZoneInfo.ConvertTime(open.ClosesAt, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
        string picks = round.Ballot.MinPicks == round.Ballot.MaxPicks
            ? $"{round.Ballot.MaxPicks} pick(s)"
            : $"{round.Ballot.MinPicks}-{round.Ballot.MaxPicks} picks";
        string period = round.Ballot.Period == PeriodKind.Day ? $"once a day ({setup.Season.TimeZone})" : "once per round";
        output.WriteLine($"Voting:           round {open.Id} is open until {closes}: {picks}, {period}", Style.Plain);
        output.WriteLine($"  Fans sign up with POST /api/fans/codes {{\"email\": \"...\"}}, read the code in {Path.Combine(dataDirectory, "outbox.log")},", Style.Plain);
        output.WriteLine($"  get a voter token from POST /api/fans/verify and cast POST /api/rounds/{open.Id}/ballots {{\"picks\": [...], \"nonce\": 1}}.", Style.Plain);
    }
}
