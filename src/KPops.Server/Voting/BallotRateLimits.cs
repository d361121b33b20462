using System.Net;
using System.Threading.RateLimiting;
using KPops.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KPops.Server.Voting;

/// <summary>
/// The ballot endpoint's two rate limits, chained: per account (<c>KPops:BallotsPerAccountPerMinute</c>) and per client
/// address (<c>KPops:BallotsPerAddressPerMinute</c>), each a fixed one-minute window from System.Threading.RateLimiting,
/// the library ASP.NET Core's rate limiting runs on. Chained because an endpoint can carry only one ASP.NET Core
/// rate-limiting policy, and a policy only one partition key. A limit of 0 is off.
/// </summary>
public sealed class BallotRateLimits : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public BallotRateLimits(IOptions<ServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ServerOptions settings = options.Value;
        // Partitioned by the account id and by the address itself (not its text: no string per ballot).
        _limiter = PartitionedRateLimiter.CreateChained(
            PerMinute(settings.BallotsPerAccountPerMinute, "", http => BallotVoter.Of(http)?.AccountId ?? ""),
            PerMinute(settings.BallotsPerAddressPerMinute, IPAddress.None, http => http.Connection.RemoteIpAddress ?? IPAddress.None));
    }

    /// <summary>Takes one permit for the request's account and address; a lease that is not acquired means 429.</summary>
    public RateLimitLease Acquire(HttpContext http) => _limiter.AttemptAcquire(http);

    /// <summary>429 <c>rate_limited</c>, with <c>Retry-After</c> in seconds, for a lease that was not acquired.</summary>
    public static ProblemHttpResult Refusal(HttpResponse response, RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(lease);
        int seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        response.Headers.RetryAfter = Math.Max(seconds, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problem.Of(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited,
            "Too many ballot requests from this account or address; retry after the time in Retry-After.");
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>A fixed one-minute window of <paramref name="limit"/> permits per partition key; 0 is no limit.</summary>
    /// <param name="limit">Permits per minute per partition.</param>
    /// <param name="unlimited">The one partition every request shares when there is no limit.</param>
    /// <param name="partition">The request's partition key.</param>
    private static PartitionedRateLimiter<HttpContext> PerMinute<TKey>(int limit, TKey unlimited, Func<HttpContext, TKey> partition)
        where TKey : notnull =>
        PartitionedRateLimiter.Create<HttpContext, TKey>(http => limit == 0
            ? RateLimitPartition.GetNoLimiter(unlimited)
            : RateLimitPartition.GetFixedWindowLimiter(partition(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = Window,
                QueueLimit = 0,
            }));
}

public static class BallotRateLimitExtensions
{
    /// <summary>The ballot endpoint's per-account and per-address limits (<see cref="BallotRateLimits"/>).</summary>
    public static IServiceCollection AddKPopsBallotRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<BallotRateLimits>();
        return services;
    }
}
