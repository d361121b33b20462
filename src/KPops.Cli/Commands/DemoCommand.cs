using System.CommandLine;
using KPops.Format;
using KPops.Server;
using KPops.Server.Demo;
using KPops.Server.PublicLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace KPops.Cli.Commands;

/// <summary>
/// <c>kpops demo</c>: the server with a preset season and one staff account per role, printing what a visitor
/// needs — the sign-ins, the log's verifier key and the URLs to open.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var flags = new ServeFlags();
        var preset = new Option<string>("--preset")
        {
            Description = $"The season to load ({string.Join(", ", Presets.Names)}).",
            DefaultValueFactory = _ => DemoSeed.DefaultPreset,
        };
        var command = new Command("demo", "Run the server on a demo season with seeded staff accounts (data in a temp directory unless --data).")
        {
            preset,
        };
        flags.AddTo(command);
        command.SetCliAction((parseResult, console) => ServeFlags.Run(async () =>
        {
            string presetName = parseResult.GetRequiredValue(preset);
            if (!Presets.Names.Contains(presetName))
            {
                throw new CliException($"there is no preset '{presetName}'; presets: {string.Join(", ", Presets.Names)}");
            }

            var defaultData = new DirectoryInfo(Path.Combine(Path.GetTempPath(), "kpops-demo"));
            await using var app = KPopsServer.Build(flags.CreateBuilder(parseResult, defaultData));
            await KPopsServer.PrepareDatabaseAsync(app);
            DemoSetup setup = await DemoSeed.SeedAsync(app.Services, presetName);
            await app.StartAsync();
            Print(console, setup, app.Services.GetRequiredService<LogHost>(), app.Urls);
            await app.WaitForShutdownAsync();
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Print(CliConsole console, DemoSetup setup, LogHost log, ICollection<string> urls)
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
        foreach (string url in urls)
        {
            string root = url.TrimEnd('/');
            output.WriteLine($"Listening on {root}", Style.Plain);
            output.WriteLine($"  API reference (Scalar): {root}/scalar", Style.Plain);
            output.WriteLine($"  OpenAPI document:       {root}/openapi/v1.json", Style.Plain);
            output.WriteLine($"  Log checkpoint:         {root}/log/checkpoint", Style.Plain);
            output.WriteLine($"  Season:                 {root}/api/seasons/{setup.Season.Id}", Style.Plain);
            output.WriteLine($"  Health / metrics:       {root}/health  {root}/metrics", Style.Plain);
        }

        output.WriteLine("Press Ctrl+C to stop.", Style.Plain);
    }
}
