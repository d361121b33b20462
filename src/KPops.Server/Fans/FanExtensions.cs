using System.Threading.RateLimiting;
using KPops.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KPops.Server.Fans;

public static class FanExtensions
{
    /// <summary>The rate-limiting policy of <c>POST /api/fans/codes</c>: per client address, per minute.</summary>
    public const string CodeRequestsPolicy = "fan-code-requests";

    /// <summary>
    /// Fan sign-up and sign-in by one-time code, the voter token scheme and the code endpoint's rate limit. Codes go
    /// to <see cref="SmsRouting"/> when <c>KPops:Sms:GatewayUrl</c> is set (phone numbers to <see cref="SmsCodeSender"/>,
    /// e-mail as below), else to <see cref="SmtpCodeSender"/> when <c>KPops:Smtp:Host</c> is set, else to
    /// <see cref="OutboxFileSender"/>; register another <see cref="IOneTimeCodeSender"/> before this call to replace them.
    /// </summary>
    public static IServiceCollection AddKPopsFans(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxFileSender>();
        services.AddSingleton<SmtpCodeSender>();
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<SmsCodeSender>(SmsCodeSender.HttpClientName);
        services.AddSingleton<SmsRouting>();
        services.TryAddSingleton<IOneTimeCodeSender>(provider =>
            provider.GetRequiredService<IOptions<SmsOptions>>().Value.Enabled ? provider.GetRequiredService<SmsRouting>()
            : provider.GetRequiredService<IOptions<SmtpOptions>>().Value.Enabled ? provider.GetRequiredService<SmtpCodeSender>()
            : provider.GetRequiredService<OutboxFileSender>());
        services.AddSingleton<OneTimeCodeHasher>();
        services.AddSingleton<VoterTokens>();
        services.AddScoped<FanSignIn>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, VoterTokenHandler>(VoterTokenHandler.SchemeName, null);
        services.AddRateLimiter(options =>
        {
            // No body here: the status code pages turn the bare 429 into a problem with code rate_limited.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                int seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(seconds, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(CodeRequestsPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value.FanCodeRequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }
}
