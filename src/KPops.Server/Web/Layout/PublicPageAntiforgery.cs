using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Web.Layout;

/// <summary>
/// Blazor stores an anti-forgery cookie with every page it renders, which marks the page <c>no-store</c>. Public
/// fan pages post no forms (their forms are GET searches; voting goes to the JSON API with a bearer token), declare
/// so with <c>[RequireAntiforgeryToken(required: false)]</c>, and for them alone no token is stored: they stay
/// cacheable and set no cookie. Every other endpoint gets the framework's behaviour unchanged.
/// </summary>
internal sealed class PublicPageAntiforgery(IAntiforgery inner) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        TakesNoForms(httpContext) ? inner.GetTokens(httpContext) : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    private static bool TakesNoForms(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: false };

    /// <summary>Wraps the registered <see cref="IAntiforgery"/> (call after everything that adds anti-forgery).</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IAntiforgery))
            ?? throw new InvalidOperationException("Register anti-forgery before the web front end.");
        services.Remove(registered);
        services.Add(ServiceDescriptor.Describe(typeof(IAntiforgery),
            provider => new PublicPageAntiforgery(Resolve(provider, registered)), registered.Lifetime));
    }

    private static IAntiforgery Resolve(IServiceProvider provider, ServiceDescriptor registered) =>
        (IAntiforgery)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
}
