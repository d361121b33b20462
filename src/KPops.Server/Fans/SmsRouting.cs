using KPops.Server.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KPops.Server.Fans;

/// <summary>
/// The <see cref="IOneTimeCodeSender"/> of a server with an SMS gateway (<c>KPops:Sms:GatewayUrl</c>): phone codes go to
/// the gateway, e-mail codes to SMTP when <c>KPops:Smtp:Host</c> is set, else to the development outbox. (Without an SMS
/// gateway the server uses the SMTP sender — which refuses phone codes rather than let them land in a file unnoticed —
/// or the outbox directly.)
/// </summary>
public sealed class SmsRouting(IServiceProvider services, IOptions<SmsOptions> sms, IOptions<SmtpOptions> smtp) : IOneTimeCodeSender
{
    public Task SendAsync(OneTimeCodeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SenderFor(message.Kind).SendAsync(message, cancellationToken);
    }

    /// <summary>The sender a code for an address of <paramref name="kind"/> goes through.</summary>
    public IOneTimeCodeSender SenderFor(ContactKind kind) => kind switch
    {
        ContactKind.Phone when sms.Value.Enabled => services.GetRequiredService<SmsCodeSender>(),
        _ when smtp.Value.Enabled => services.GetRequiredService<SmtpCodeSender>(),
        _ => services.GetRequiredService<OutboxFileSender>(),
    };
}
