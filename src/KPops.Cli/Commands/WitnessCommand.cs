using System.CommandLine;
using KPops.Log;
using KPops.Server.Witnesses;
using Spectre.Console;

namespace KPops.Cli.Commands;

/// <summary>
/// <c>kpops witness</c>: runs a C2SP tlog-witness (see docs/witness.md) that cosigns the checkpoints of the logs it is
/// given, only when each is consistent with the last one it cosigned. <c>kpops witness key</c> prints its public key.
/// </summary>
internal static class WitnessCommand
{
    public static Command Create()
    {
        // Not marked required: System.CommandLine would then demand them of `witness key` too; checked below instead.
        var state = StateOption(required: false);
        var name = NameOption();
        var urls = new Option<string?>("--urls") { HelpName = "URLS", Description = "Addresses to listen on, separated by ';'. Default: http://localhost:5000." };
        var logs = new Option<string[]>("--log")
        {
            Description = "A log to witness: ORIGIN=VERIFIER_KEY, or just VERIFIER_KEY when the key is named after the origin (the key may be a file). Repeatable.",
            HelpName = "ORIGIN=KEY",
        };
        var command = new Command("witness", "Run a witness: cosign the checkpoints of the given logs when they only grow (c2sp.org/tlog-witness), until Ctrl+C.")
        {
            state, name, urls, logs, KeyCommand(),
        };
        command.SetCliAction((parseResult, console) =>
        {
            var stateDirectory = parseResult.GetValue(state)?.FullName ?? throw new CliException("--state: give the witness a state directory (its key and memory).");
            var witnessed = WitnessLogArguments.Parse(parseResult.GetValue(logs) ?? []);
            string? listen = parseResult.GetValue(urls);
            return ServeFlags.Run(async () =>
            {
                await using var app = WitnessServer.Create(
                    new WitnessSettings(stateDirectory, witnessed, parseResult.GetValue(name)),
                    listen is null ? ["http://localhost:5000"] : listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                using (var key = WitnessKeyFile.Load(stateDirectory))
                {
                    console.Out.WriteLine($"witness key: {key.Verifier.KeyText}");
                }

                foreach (var origin in witnessed.Keys.Order(StringComparer.Ordinal))
                {
                    console.Out.WriteLine($"witnessing:  {origin}");
                }

                await app.RunAsync();
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static Command KeyCommand()
    {
        var state = StateOption(required: true);
        var name = NameOption();
        var command = new Command("key", "Print the witness's public cosignature key (creating the key if the state directory has none yet): give it to logs and auditors.")
        {
            state, name,
        };
        command.SetCliAction((parseResult, console) =>
        {
            try
            {
                using var key = WitnessKeyFile.LoadOrCreate(parseResult.GetValue(state)!.FullName, parseResult.GetValue(name));
                console.Out.Profile.Out.Writer.WriteLine(key.Verifier.KeyText);
                return ExitCodes.Success;
            }
            catch (InvalidOperationException e)
            {
                throw new CliException(e.Message);
            }
        });
        return command;
    }

    private static Option<DirectoryInfo> StateOption(bool required) => new("--state")
    {
        Required = required,
        Description = "The witness's state directory: its key (witness.key, secret) and the latest checkpoint it cosigned for each log.",
        HelpName = "DIR",
    };

    private static Option<string?> NameOption() => new("--name")
    {
        HelpName = "NAME",
        Description = $"The witness's key name when the key is created, e.g. witness.example.org/w1 (default: {WitnessKeyFile.DefaultName}).",
    };
}
