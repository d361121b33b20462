using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using KPops.Server.Partners;

namespace KPops.Server.Tests.Infrastructure;

/// <summary>Signs and sends partner batches as a partner's client would (docs/partners.md).</summary>
internal static class PartnerClient
{
    public static async Task<PartnerKeyCreated> CreateKeyAsync(HttpClient producer, string name)
    {
        using var response = await producer.PostAsJsonAsync("/api/partners/", new { name }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PartnerKeyCreated>(TestContext.Current.CancellationToken))!;
    }

    public static HttpRequestMessage Signed(PartnerKeyCreated key, string roundId, string body, string? idempotencyKey = null, long? timestamp = null, string? secret = null)
    {
        string path = $"/api/partner/rounds/{roundId}/ballots";
        idempotencyKey ??= Guid.NewGuid().ToString("N");
        long at = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(PartnerSignature.KeyIdHeader, key.KeyId);
        request.Headers.Add(PartnerSignature.TimestampHeader, at.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(PartnerSignature.IdempotencyKeyHeader, idempotencyKey);
        request.Headers.Add(PartnerSignature.SignatureHeader, PartnerSignature.Sign(secret ?? key.Secret, "POST", path, at, idempotencyKey, bytes));
        return request;
    }
}
