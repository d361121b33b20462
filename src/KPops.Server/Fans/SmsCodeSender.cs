using System.Net.Http.Headers;
using System.Net.Http.Json;
using KPops.Server.Storage;
using Microsoft.Extensions.Options;

namespace KPops.Server.Fans;

/// <summary>What the SMS gateway receives: the number, the text, the optional sender id and a reference for its logs.</summary>
public sealed record SmsGatewayMessage(string To, string Text, string? From, string Reference);

/// <summary>
/// Texts phone codes through an HTTP SMS gateway: a JSON <see cref="SmsGatewayMessage"/> POSTed to
/// <c>KPops:Sms:GatewayUrl</c> with <c>Authorization: Bearer</c> <c>KPops:Sms:BearerToken</c>. Any answer other than 2xx
/// fails the send (the fan gets a 500 and may ask again). It cannot reach e-mail addresses.
/// </summary>
public sealed class SmsCodeSender(HttpClient http, IOptions<SmsOptions> options) : IOneTimeCodeSender
{
    public const string HttpClientName = "KPops.Sms";

    public async Task SendAsync(OneTimeCodeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        SmsOptions sms = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.GatewayUrl ?? throw new InvalidOperationException("KPops:Sms:GatewayUrl is not set."))
        {
            Content = JsonContent.Create(Compose(sms, message)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sms.BearerToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(sms.TimeoutSeconds));
        using var response = await http.SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The SMS gateway answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    /// <summary>The gateway message for <paramref name="message"/>: the code in a short plain text.</summary>
    public static SmsGatewayMessage Compose(SmsOptions sms, OneTimeCodeMessage message)
    {
        ArgumentNullException.ThrowIfNull(sms);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != ContactKind.Phone)
        {
            throw new NotSupportedException("The SMS sender delivers phone codes only.");
        }

        return new SmsGatewayMessage(
            message.Address,
            $"[KPops] Your code is {message.Code}. It expires in {FanSignIn.CodeLifetime.TotalMinutes:0} minutes.",
            string.IsNullOrWhiteSpace(sms.From) ? null : sms.From,
            Guid.NewGuid().ToString("N"));
    }
}
