using KPops.Server.Storage;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KPops.Server.Fans;

/// <summary>
/// Sends e-mail codes through an SMTP server (MailKit), with STARTTLS when the server offers it (implicit TLS on
/// port 465). It cannot reach phones: a phone code is refused, so deployments that accept phones need an SMS sender.
/// </summary>
public sealed class SmtpCodeSender(IOptions<SmtpOptions> options) : IOneTimeCodeSender
{
    public async Task SendAsync(OneTimeCodeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        SmtpOptions smtp = options.Value;
        using var mail = Compose(smtp, message);
        using var client = new SmtpClient();
        string host = smtp.Host ?? throw new InvalidOperationException("KPops:Smtp:Host is not set.");
        await client.ConnectAsync(host, smtp.Port, smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>The e-mail for <paramref name="message"/>: plain text, the code in the subject and the body.</summary>
    public static MimeMessage Compose(SmtpOptions smtp, OneTimeCodeMessage message)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != ContactKind.Email)
        {
            throw new NotSupportedException("The SMTP sender delivers e-mail codes only; register an SMS sender for phone numbers.");
        }

        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(smtp.From ?? throw new InvalidOperationException("KPops:Smtp:From is not set.")));
        mail.To.Add(MailboxAddress.Parse(message.Address));
        mail.Subject = $"Your KPops code: {message.Code}";
        mail.Body = new TextPart("plain")
        {
            Text = $"Your KPops code is {message.Code}. It expires in {FanSignIn.CodeLifetime.TotalMinutes:0} minutes.\n\n"
                + "If you did not ask for it, ignore this message.",
        };
        return mail;
    }
}
