using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace KPops.Server.Integrity;

/// <summary>The answer of a CAPTCHA provider for one token.</summary>
/// <param name="Success">The token is valid (solved, fresh, for this site, not used before).</param>
/// <param name="ErrorCodes">The provider's error codes when not.</param>
public sealed record CaptchaResult(bool Success, IReadOnlyList<string> ErrorCodes);

/// <summary>Checks a CAPTCHA token the fan site's widget produced, before the ballot is submitted.</summary>
public interface ICaptchaVerifier
{
    /// <exception cref="CaptchaUnavailableException">The provider could not be asked.</exception>
    Task<CaptchaResult> VerifyAsync(string token, string? remoteIp, CancellationToken cancellationToken);
}

/// <summary>The CAPTCHA provider did not answer (network failure, timeout, an unreadable answer).</summary>
public sealed class CaptchaUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The siteverify protocol Cloudflare Turnstile, hCaptcha and reCAPTCHA share: a form POST of <c>secret</c>,
/// <c>response</c> (the token) and optionally <c>remoteip</c> to the provider's URL, answered with JSON
/// <c>{"success": bool, "error-codes": [...]}</c>.
/// </summary>
public sealed class HttpCaptchaVerifier(HttpClient http, IOptions<IntegrityOptions> options) : ICaptchaVerifier
{
    public async Task<CaptchaResult> VerifyAsync(string token, string? remoteIp, CancellationToken cancellationToken)
    {
        var settings = options.Value.Captcha;
        if (settings.VerifyUrl is null || settings.Secret is null)
        {
            throw new CaptchaUnavailableException("No CAPTCHA provider is configured.");
        }

        var form = new List<KeyValuePair<string, string>> { new("secret", settings.Secret), new("response", token) };
        if (remoteIp is not null)
        {
            form.Add(new("remoteip", remoteIp));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var content = new FormUrlEncodedContent(form);
            using var response = await http.PostAsync(settings.VerifyUrl, content, timeout.Token);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<SiteVerifyAnswer>(timeout.Token)
                ?? throw new CaptchaUnavailableException("The CAPTCHA provider answered nothing.");
            return new CaptchaResult(answer.Success, answer.ErrorCodes ?? []);
        }
        catch (Exception exception) when (exception is HttpRequestException or System.Text.Json.JsonException or NotSupportedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CaptchaUnavailableException("The CAPTCHA provider could not be reached.", exception);
        }
    }

    private sealed record SiteVerifyAnswer(
        [property: JsonPropertyName("success")] bool Success,
        [property: JsonPropertyName("error-codes")] string[]? ErrorCodes);
}
