using System.CommandLine;
using KPops.Server;
using KPops.Server.Staff;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace KPops.Cli.Commands;

/// <summary><c>kpops staff add</c>: creates a staff account directly in the server's database (to bootstrap the first producer).</summary>
internal static class StaffCommand
{
    public static Command Create() =>
        new("staff", "Manage staff accounts in the server's database.") { CreateAdd() };

    private static Command CreateAdd()
    {
        var flags = new ServeFlags();
        var role = new Option<string>("--role") { Description = $"The role: {string.Join(", ", StaffRoles.All)}.", Required = true };
        role.AcceptOnlyFromAmong([.. StaffRoles.All]);
        var email = new Option<string>("--email") { Description = "The staff member's e-mail (their sign-in name).", Required = true };
        var password = new Option<string?>("--password")
        {
            Description = "At least 12 characters. Without it a password is generated and printed once.",
        };
        var command = new Command("add", "Create a staff account with a role; prints the password if it was generated.")
        {
            role,
            email,
            password,
        };
        flags.AddTo(command, listens: false);
        command.SetCliAction((parseResult, console) => ServeFlags.Run(async () =>
        {
            await using var app = KPopsServer.Build(flags.CreateBuilder(parseResult));
            await KPopsServer.PrepareDatabaseAsync(app);
            await using var scope = app.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            string? given = parseResult.GetValue(password);
            StaffCredentials created;
            try
            {
                created = await accounts.CreateAsync(parseResult.GetRequiredValue(email), parseResult.GetRequiredValue(role), given);
            }
            catch (StaffAccountException e)
            {
                throw new CliException(e.Message);
            }

            console.Out.WriteLine($"added {created.Role} {created.Email}");
            if (given is null)
            {
                console.Out.WriteLine($"password: {created.Password}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
