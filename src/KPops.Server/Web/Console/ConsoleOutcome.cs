using KPops.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KPops.Server.Web.Console;

/// <summary>
/// What an operation done from the console gave: the value the API would have answered, or the problem's stable code
/// and detail. The console calls the API's own handlers in-process, so a button does exactly what the endpoint does.
/// </summary>
public sealed record ConsoleOutcome<T>(T? Value, string? Code, string? Detail)
    where T : class
{
    public bool Succeeded => Value is not null;
}

public static class ConsoleOutcome
{
    /// <summary>Reads an endpoint handler's typed result.</summary>
    public static ConsoleOutcome<T> From<T>(IResult result)
        where T : class
    {
        return result switch
        {
            Ok<T> ok when ok.Value is not null => new(ok.Value, null, null),
            ProblemHttpResult problem => new(null,
                problem.ProblemDetails.Extensions.TryGetValue(Problem.CodeExtension, out var code) ? code?.ToString() : null,
                problem.ProblemDetails.Detail),
            _ => new(null, ProblemCodes.InternalError, $"Unexpected answer {result.GetType().Name}."),
        };
    }
}
