using KPops.Server.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Operations;

public static class OperationsExtensions
{
    /// <summary>Season operations (evaluations, grades, announcements): the grading policy and the published rankings' cache. Map with <see cref="MapOperationsApi"/>.</summary>
    public static IServiceCollection AddKPopsOperations(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(OperationsPolicies.Grading, policy => policy.RequireRole(StaffRoles.Mentor));
        services.AddSingleton<PublishedAnnouncements>();
        return services;
    }

    /// <summary><c>/api/evaluations/…</c> and <c>/api/announcements/…</c>.</summary>
    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        app.MapEvaluationsApi();
        app.MapAnnouncementsApi();
        return app;
    }
}
