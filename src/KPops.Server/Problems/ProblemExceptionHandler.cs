using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace KPops.Server.Problems;

/// <summary>
/// Turns exceptions into problem details. Request errors the framework raises (unreadable JSON, a wrong content
/// type, a body too large) keep their status and say what was wrong; anything else is a 500 that says nothing
/// about the server's inside — the exception goes to the log, not to the client.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        int status;
        string? detail;
        if (exception is BadHttpRequestException badRequest)
        {
            status = badRequest.StatusCode;
            detail = badRequest.Message;
        }
        else
        {
            status = StatusCodes.Status500InternalServerError;
            detail = "The server failed to handle the request. It has been logged.";
            LogUnhandled(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, PathString path, Exception exception);
}
