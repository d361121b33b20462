using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace KPops.Reliability.Tests.Infrastructure;

/// <summary>
/// What the reliability runs do through the public HTTP API, as a producer and as fans: sign in, load the season,
/// open its round, sign fans up by one-time code (read from the data directory's <c>outbox.log</c>).
/// </summary>
internal static class ShowClient
{
    public const string ProducerEmail = "pd@reliability.kpops.localhost";
    public const string ProducerPassword = "crash-loop-producer-password";

    /// <summary>Creates the producer with <c>kpops staff add</c> (before the first start, as an operator would).</summary>
    public static Task AddProducerAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken) =>
        KpopsServerProcess.RunCliAsync(dataDirectory, environment, cancellationToken,
            "staff", "add", "--role", "producer", "--email", ProducerEmail, "--password", ProducerPassword, "--data", dataDirectory);

    /// <summary>Signs the producer in, loads <see cref="LoadSeason"/> and opens its round.</summary>
    public static async Task LoadAndOpenSeasonAsync(HttpClient client, CancellationToken cancellationToken,
        string email = ProducerEmail, string password = ProducerPassword)
    {
        using var login = await client.PostAsJsonAsync("api/staff/login", new { email, password }, cancellationToken);
        await EnsureAsync(login, "producer sign-in", cancellationToken);
        string token = (await login.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("accessToken").GetString()!;

        using var season = new HttpRequestMessage(HttpMethod.Post, "api/seasons")
        {
            Content = new StringContent(LoadSeason.Json, Encoding.UTF8, "application/json"),
        };
        season.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var loaded = await client.SendAsync(season, cancellationToken);
        await EnsureAsync(loaded, "season load", cancellationToken);

        using var open = new HttpRequestMessage(HttpMethod.Post, $"api/rounds/{LoadSeason.RoundId}/open");
        open.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var opened = await client.SendAsync(open, cancellationToken);
        await EnsureAsync(opened, "round open", cancellationToken);
    }

    /// <summary>Signs up <paramref name="count"/> fans by one-time code and returns their voter tokens.</summary>
    public static async Task<IReadOnlyList<string>> SignUpFansAsync(HttpClient client, string dataDirectory, int count, CancellationToken cancellationToken)
    {
        var tokens = new List<string>();
        for (int i = 0; i < count; i++)
        {
            string email = $"fan{i}@reliability.kpops.localhost";
            using var requested = await client.PostAsJsonAsync("api/fans/codes", new { email }, cancellationToken);
            await EnsureAsync(requested, "fan code request", cancellationToken);
            string code = await ReadCodeAsync(dataDirectory, email, cancellationToken);
            using var verified = await client.PostAsJsonAsync("api/fans/verify", new { email, code }, cancellationToken);
            await EnsureAsync(verified, "fan verification", cancellationToken);
            tokens.Add((await verified.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("accessToken").GetString()!);
        }

        return tokens;
    }

    private static async Task<string> ReadCodeAsync(string dataDirectory, string email, CancellationToken cancellationToken)
    {
        string outbox = Path.Combine(dataDirectory, "outbox.log");
        for (int attempt = 0; attempt < 100; attempt++)
        {
            if (File.Exists(outbox))
            {
                string? code = null;
                foreach (string line in await File.ReadAllLinesAsync(outbox, cancellationToken))
                {
                    using var message = JsonDocument.Parse(line);
                    if (message.RootElement.GetProperty("to").GetString() == email)
                    {
                        code = message.RootElement.GetProperty("code").GetString();
                    }
                }

                if (code is not null)
                {
                    return code;
                }
            }

            await Task.Delay(20, cancellationToken);
        }

        throw new InvalidOperationException($"No one-time code for {email} in {outbox}.");
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
