using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Partners;

public static class PartnersExtensions
{
    /// <summary>Partner keys (sealed with Data Protection), the in-memory key ring and the batches' idempotency store.</summary>
    public static IServiceCollection AddKPopsPartners(this IServiceCollection services)
    {
        services.AddSingleton<PartnerSecrets>();
        services.AddSingleton<PartnerKeyRing>();
        services.AddSingleton<PartnerClaims>();
        services.AddScoped<PartnerIdempotency>();
        return services;
    }

    /// <summary>
    /// <c>/api/partners</c> (producers manage keys; auditors may list them) and the signed batch endpoint
    /// <c>POST /api/partner/rounds/{roundId}/ballots</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapPartnersApi(this IEndpointRouteBuilder app)
    {
        PartnerKeysApi.Map(app);
        PartnerBatchApi.Map(app);
        return app;
    }
}
