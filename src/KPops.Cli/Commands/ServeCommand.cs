using System.CommandLine;
using KPops.Server;

namespace KPops.Cli.Commands;

/// <summary><c>kpops serve</c>: the KPops server, configured from appsettings.json, the environment and flags.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var flags = new ServeFlags();
        var command = new Command("serve", "Run the KPops server (API, public log, health, metrics) until stopped with Ctrl+C.");
        flags.AddTo(command);
        command.SetCliAction((parseResult, console) => ServeFlags.Run(async () =>
        {
            await using var app = KPopsServer.Build(flags.CreateBuilder(parseResult));
            await app.RunAsync();
            return ExitCodes.Success;
        }));
        return command;
    }
}
