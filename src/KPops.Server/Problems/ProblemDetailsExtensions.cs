using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Problems;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// RFC 7807 problem details for every failure: errors endpoints return, framework errors (404, 405, 415,
    /// unreadable bodies) and unhandled exceptions, each with a stable <c>code</c> extension.
    /// </summary>
    public static IServiceCollection AddKPopsProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            int status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd(Problem.CodeExtension, ProblemCodes.ForStatus(status));
            // Only the request's own id: enough to find the log line, nothing about the server.
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Model binding failures raise BadHttpRequestException, which ProblemExceptionHandler answers with details.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>The middleware half of <see cref="AddKPopsProblemDetails"/>: exceptions and bare status codes become problems.</summary>
    public static IApplicationBuilder UseKPopsProblemDetails(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
