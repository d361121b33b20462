using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace KPops.Server.Fans;

/// <summary>
/// The SMTP server that sends fans their codes, section <c>KPops:Smtp</c>. Setting <see cref="Host"/> switches the
/// code sender from the development outbox to <see cref="SmtpCodeSender"/>; the rest is then checked at start.
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "KPops:Smtp";

    /// <summary>The SMTP server's host name; unset (the default) keeps the outbox file sender.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>The sender address, e.g. <c>KPops &lt;no-reply@kpops.example.com&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>Account to authenticate as; none means no authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult("KPops:Smtp:From must be a mail address when KPops:Smtp:Host is set.", [nameof(From)]);
        }

        if (!string.IsNullOrEmpty(UserName) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("KPops:Smtp:Password is required with KPops:Smtp:UserName.", [nameof(Password)]);
        }
    }
}
