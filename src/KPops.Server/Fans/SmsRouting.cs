using KPops.Server.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KPops.Server.Fans;

/// <summary>
/// The default <see cref="IOneTimeCodeSender"/>: phone codes go to the SMS gateway when <c>KPops:Sms:GatewayUrl</c> is
/// set, e-mail codes to SMTP when <c>KPops:Smtp:Host</c> is set, and each otherwise to the development outbox — except
/// phone codes on a server with SMTP but no SMS, which go to SMTP and fail there rather than land in a file unnoticed.
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
