using Microsoft.AspNetCore.Http.HttpResults;

namespace KPops.Server.Problems;

/// <summary>Builds the problem responses endpoints return, always with their stable <c>code</c>.</summary>
public static class Problem
{
    public const string CodeExtension = "code";

    public static ProblemHttpResult Of(int status, string code, string detail, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { [CodeExtension] = code };
        return TypedResults.Problem(detail: detail, statusCode: status, extensions: all);
    }

    public static ProblemHttpResult NotFound(string code, string detail) => Of(StatusCodes.Status404NotFound, code, detail);

    public static ProblemHttpResult Conflict(string code, string detail) => Of(StatusCodes.Status409Conflict, code, detail);

    public static ProblemHttpResult BadRequest(string code, string detail, IDictionary<string, object?>? extensions = null) =>
        Of(StatusCodes.Status400BadRequest, code, detail, extensions);

    public static ProblemHttpResult Unauthorized(string code, string detail) => Of(StatusCodes.Status401Unauthorized, code, detail);
}
