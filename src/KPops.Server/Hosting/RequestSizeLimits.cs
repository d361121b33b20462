using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KPops.Server.Hosting;

/// <summary>
/// An endpoint's own request body limit. Routing applies it to the server's <c>MaxRequestBodySize</c> for requests to
/// that endpoint, so a larger body fails while it is read (413 <c>payload_too_large</c>) whatever the handler does.
/// </summary>
public sealed class RequestSizeLimitMetadata(long maxRequestBodySize) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = maxRequestBodySize;
}

public static class RequestSizeLimits
{
    /// <summary>
    /// Kestrel's <c>MaxRequestBodySize</c> from <c>KPops:MaxRequestBodyBytes</c> (default 1 MiB): the limit of every
    /// endpoint that does not declare its own with <see cref="RequestSizeLimitMetadata"/>.
    /// </summary>
    public static IServiceCollection AddKPopsRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerOptions>>((kestrel, server) =>
            kestrel.Limits.MaxRequestBodySize = server.Value.MaxRequestBodyBytes);
        return services;
    }

    /// <summary>
    /// Endpoints whose limit is a setting of their own rather than a constant, by endpoint name: their owners read the
    /// same setting, and this applies it to the transport so the server default does not cut them short.
    /// </summary>
    private static readonly Dictionary<string, Func<ServerOptions, long>> ConfiguredLimits = new(StringComparer.Ordinal)
    {
        ["LoadSeason"] = options => options.MaxSeasonFileBytes,
    };

    /// <summary>Applies <see cref="ConfiguredLimits"/>; runs after routing, before any handler reads a body.</summary>
    public static IApplicationBuilder UseKPopsRequestLimits(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { } name
                && ConfiguredLimits.TryGetValue(name, out var limit)
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit(context.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value);
            }

            return next(context);
        });

    /// <summary>Declares the request body limit of the endpoints built by <paramref name="builder"/>.</summary>
    public static TBuilder WithRequestSizeLimit<TBuilder>(this TBuilder builder, long maxBytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitMetadata(maxBytes));
}
