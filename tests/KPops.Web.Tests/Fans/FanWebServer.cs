using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KPops.Format.Model;
using KPops.Server.Fans;
using KPops.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KPops.Web.Tests.Fans;

/// <summary>
/// A server for the fan-site tests: Boys Planet (K and G groups, "at least one from each group" ballots, Hangul
/// names) with its first round open now.
/// </summary>
public sealed class FanWebServer : KPopsWebServer, IAsyncLifetime
{
    public const string Round = "vote-1";

    protected override string Preset => "boys-planet";

    public Trainee FirstOf(string group) => Season.Trainees.First(t => t.Group == group);

    public IEnumerable<Trainee> Group(string group) => Season.Trainees.Where(t => t.Group == group);

    // Re-implemented so that xunit, which starts fixtures through the interface, also opens the round.
    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await this.OpenRoundNowAsync(Round);
    }

    /// <summary>The last one-time code the development sender wrote to the outbox for <paramref name="address"/>.</summary>
    public string LastCodeFor(string address) =>
        File.ReadAllLines(Path.Combine(DataDirectory, OutboxFileSender.FileName))
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Last(message => (string?)message["to"] == address)["code"]!.GetValue<string>();

    /// <summary>Signs a fresh fan up through the API and puts the voter token where the site keeps it (voter.js).</summary>
    public async Task SignInThroughApiAsync(IPage page, string email)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        (await client.PostAsJsonAsync("/api/fans/codes", new { email })).EnsureSuccessStatusCode();
        var verified = await client.PostAsJsonAsync("/api/fans/verify", new { email, code = LastCodeFor(email) });
        verified.EnsureSuccessStatusCode();
        var token = await verified.Content.ReadFromJsonAsync<JsonElement>();
        await page.GotoAsync("/");
        await page.EvaluateAsync(
            "([address, accessToken]) => localStorage.setItem('kpops.voter', JSON.stringify({ address, accessToken, expiresAt: Date.now() + 3600000 }))",
            new[] { email, token.GetProperty("accessToken").GetString() });
    }

    public static string NewEmail() => $"fan-{Guid.NewGuid():N}@tests.kpops.localhost";
}
