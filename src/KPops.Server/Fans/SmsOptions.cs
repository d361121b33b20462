using System.ComponentModel.DataAnnotations;

namespace KPops.Server.Fans;

/// <summary>
/// The HTTP SMS gateway that texts fans their codes, section <c>KPops:Sms</c>. Setting <see cref="GatewayUrl"/> sends
/// phone codes through <see cref="SmsCodeSender"/>; the rest is then checked at start.
/// </summary>
public sealed class SmsOptions : IValidatableObject
{
    public const string Section = "KPops:Sms";

    /// <summary>The gateway's webhook (an absolute https URL; http only to a loopback address); unset keeps SMS off.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>The secret sent as <c>Authorization: Bearer</c> to the gateway (at least 16 characters).</summary>
    public string? BearerToken { get; set; }

    /// <summary>The sender id or number the gateway shows, if it lets the caller choose; none leaves it to the gateway.</summary>
    [StringLength(32)]
    public string? From { get; set; }

    /// <summary>How long one delivery may take, in seconds (default 10).</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    public bool Enabled => !string.IsNullOrWhiteSpace(GatewayUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(GatewayUrl, UriKind.Absolute, out Uri? url)
            || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            yield return new ValidationResult("KPops:Sms:GatewayUrl must be an absolute https URL (http only to a loopback address).", [nameof(GatewayUrl)]);
        }

        if (string.IsNullOrWhiteSpace(BearerToken) || BearerToken.Length < 16)
        {
            yield return new ValidationResult("KPops:Sms:BearerToken (at least 16 characters) is required when KPops:Sms:GatewayUrl is set.", [nameof(BearerToken)]);
        }
    }
}
