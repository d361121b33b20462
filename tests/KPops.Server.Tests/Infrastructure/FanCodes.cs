using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KPops.Server.Fans;
using Microsoft.AspNetCore.Builder;

namespace KPops.Server.Tests.Infrastructure;

/// <summary>Fan sign-up as a client does it, reading the code from the development outbox in the data directory.</summary>
internal static class FanCodes
{
    public static async Task RequestAsync(HttpClient client, string email)
    {
        using var response = await client.PostAsJsonAsync("/api/fans/codes", new { email }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>The last code the outbox holds for <paramref name="address"/>.</summary>
    public static string LastCodeFor(string dataDirectory, string address) =>
        File.ReadAllLines(Path.Combine(dataDirectory, OutboxFileSender.FileName))
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Last(message => (string?)message["to"] == address)["code"]!.GetValue<string>();

    /// <summary>Requests a code, verifies it and answers the voter token response.</summary>
    public static async Task<VoterTokenResponse> SignUpAsync(HttpClient client, string dataDirectory, string email)
    {
        var ct = TestContext.Current.CancellationToken;
        await RequestAsync(client, email);
        string code = LastCodeFor(dataDirectory, email.Trim().ToLowerInvariant());
        using var response = await client.PostAsJsonAsync("/api/fans/verify", new { email, code }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<VoterTokenResponse>(ct))!;
    }

    /// <summary>A client that authenticates with a fresh fan's voter token.</summary>
    public static async Task<HttpClient> VoterClientAsync(WebApplication app, string dataDirectory)
    {
        var client = ServerFixture.CreateClient(app);
        var token = await SignUpAsync(client, dataDirectory, $"fan-{Guid.NewGuid():N}@tests.kpops.localhost");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    public static string NewEmail() => $"fan-{Guid.NewGuid():N}@tests.kpops.localhost";
}
