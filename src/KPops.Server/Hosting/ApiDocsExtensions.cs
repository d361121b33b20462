using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace KPops.Server.Hosting;

public static class ApiDocsExtensions
{
    public static IServiceCollection AddKPopsApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "KPops";
            document.Info.Description = "Run a K-pop survival audition season with a vote count anyone can check.";
            return Task.CompletedTask;
        }));

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and its browsable UI at <c>/scalar</c>.</summary>
    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("KPops API"));
        return app;
    }
}
