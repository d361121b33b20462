using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KPops.Web.Tests.Infrastructure;

/// <summary>The server's HTTP API as the seeded producer (a bearer token), for the steps a test does not drive through the browser.</summary>
public static class ProducerApi
{
    public static async Task<HttpClient> SignInAsync(KPopsWebServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        var login = await client.PostAsJsonAsync("/api/staff/login", new { email = server.Producer.Email, password = server.Producer.Password });
        login.EnsureSuccessStatusCode();
        var token = await login.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Closes <paramref name="roundId"/> and publishes <paramref name="announcementId"/> (acknowledging forensics warnings).</summary>
    public static async Task CloseAndPublishAsync(KPopsWebServer server, string roundId, string announcementId)
    {
        using var producer = await SignInAsync(server);
        (await producer.PostAsync($"/api/rounds/{roundId}/close", null)).EnsureSuccessStatusCode();
        var published = await producer.PostAsJsonAsync($"/api/announcements/{announcementId}/publish", new { acknowledgeWarnings = true });
        if (!published.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Publishing {announcementId} failed: {await published.Content.ReadAsStringAsync()}");
        }
    }
}
