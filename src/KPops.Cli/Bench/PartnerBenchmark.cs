using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KPops.Format;
using KPops.Format.Model;
using KPops.Server;
using KPops.Server.Partners;
using KPops.Server.Staff;
using KPops.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KPops.Cli.Bench;

/// <summary>What one run of the partner batch benchmark measured.</summary>
internal sealed record PartnerBenchResult(long Batches, long Ballots, long Accepted, long Unexpected, TimeSpan Elapsed, double P50Ms, double P99Ms, TimeSpan CpuTime)
{
    public double BallotsPerSecond => Accepted / Elapsed.TotalSeconds;

    /// <summary>Accepted ballots per second of CPU the whole process (server and load generator) used: comparable across loads.</summary>
    public double BallotsPerCpuSecond => Accepted / Math.Max(CpuTime.TotalSeconds, 1e-9);
}

/// <summary>
/// Drives <c>POST /api/partner/rounds/{roundId}/ballots</c> of the real server, in this process on 127.0.0.1 (Kestrel,
/// a temporary data directory and SQLite), with signed batches of distinct subscribers from several concurrent
/// connections for a bounded time. Each connection keeps one body template and rewrites only the subscriber ids and
/// the signature per batch, so the load generator spends little of the machine's CPU.
/// </summary>
internal sealed class PartnerBenchmark(TimeSpan duration, int batchSize, int connections, TextWriter progress)
{
    private const string Partner = "bench-sms";
    private const string RoundId = "final";
    private const int VoterDigits = 12;

    public async Task<PartnerBenchResult> RunAsync(CancellationToken cancellationToken = default)
    {
        string data = Path.Combine(Path.GetTempPath(), "kpops-bench-partner-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?>
        {
            [$"{ServerOptions.Section}:{nameof(ServerOptions.DataDirectory)}"] = data,
            [$"{ServerOptions.Section}:{nameof(ServerOptions.PartnerMaxBallotsPerBatch)}"] = Math.Max(batchSize, 1).ToString(CultureInfo.InvariantCulture),
        };
        var builder = KPopsServer.CreateBuilder(["--urls", "http://127.0.0.1:0"], settings);
        builder.Logging.ClearProviders();
        await using var app = KPopsServer.Build(builder);
        try
        {
            await app.StartAsync(cancellationToken);
            var address = new Uri(app.Urls.First().TrimEnd('/') + "/");
            await OpenSeasonAsync(app.Services, address, cancellationToken);
            var (keyId, secret) = await CreateKeyAsync(app.Services, cancellationToken);
            progress.WriteLine($"partner bench: server at {address}, {connections} connections, {batchSize} ballots per batch, {duration.TotalSeconds:0} s");
            return await DriveAsync(address, keyId, secret, cancellationToken);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>Loads the benchmark season and opens its round as a producer does, over HTTP.</summary>
    private static async Task OpenSeasonAsync(IServiceProvider services, Uri address, CancellationToken cancellationToken)
    {
        const string email = "producer@bench.kpops.localhost";
        string password = PartnerSecrets.NewSecret();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(email, StaffRoles.Producer, password);
        }

        using var http = new HttpClient { BaseAddress = address };
        using var login = await http.PostAsJsonAsync("/api/staff/login", new { email, password }, cancellationToken);
        login.EnsureSuccessStatusCode();
        var token = await login.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        using var season = new StringContent(JsonSerializer.Serialize(Season(DateTimeOffset.UtcNow), SeasonJson.Options), Encoding.UTF8, "application/json");
        (await http.PostAsync("/api/seasons", season, cancellationToken)).EnsureSuccessStatusCode();
        (await http.PostAsync($"/api/rounds/{RoundId}/open", null, cancellationToken)).EnsureSuccessStatusCode();
    }

    /// <summary>A partner key, as <c>POST /api/partners</c> makes one (same secret format, sealed the same way).</summary>
    private static async Task<(string KeyId, string Secret)> CreateKeyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
        string keyId = PartnerSecrets.NewKeyId(), secret = PartnerSecrets.NewSecret();
        db.PartnerKeys.Add(new PartnerKey
        {
            Id = keyId,
            PartnerName = Partner,
            ProtectedSecret = scope.ServiceProvider.GetRequiredService<PartnerSecrets>().Protect(secret),
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
        return (keyId, secret);
    }

    private async Task<PartnerBenchResult> DriveAsync(Uri address, string keyId, string secret, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(2),
        };
        string path = $"/api/partner/rounds/{RoundId}/ballots";
        var latencies = new List<double>[connections];
        var accepted = new long[connections];
        var ballots = new long[connections];
        var unexpected = new long[connections];
        long nextVoter = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        long stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            latencies[c] = [];
            var template = new BatchTemplate(batchSize);
            while (Stopwatch.GetTimestamp() < stopAt && !cancellationToken.IsCancellationRequested)
            {
                long first = Interlocked.Add(ref nextVoter, batchSize) - batchSize;
                byte[] body = template.Fill(first);
                string idempotencyKey = Guid.NewGuid().ToString("N");
                long timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add(PartnerSignature.KeyIdHeader, keyId);
                request.Headers.Add(PartnerSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add(PartnerSignature.IdempotencyKeyHeader, idempotencyKey);
                request.Headers.Add(PartnerSignature.SignatureHeader, PartnerSignature.Sign(secret, "POST", path, timestamp, idempotencyKey, body));
                long sent = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, cancellationToken);
                byte[] answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                latencies[c].Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                ballots[c] += batchSize;
                long ok = response.IsSuccessStatusCode ? AcceptedIn(answer) : 0;
                accepted[c] += ok;
                unexpected[c] += batchSize - ok;
            }
        }, cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new PartnerBenchResult(all.Length, ballots.Sum(), accepted.Sum(), unexpected.Sum(), elapsed, Percentile(all, 0.50), Percentile(all, 0.99), cpu);
    }

    /// <summary>The baselines' workload (101 trainees, one pick, one ballot per voter and round), its round open from an hour ago for a day.</summary>
    private static Season Season(DateTimeOffset now) =>
        BenchSeason.Create("bench-partner", new LocalizedText("파트너 벤치마크", "Partner benchmark"), now.AddHours(-1), now.AddDays(1));

    /// <summary>The answer's <c>accepted</c> count, read from its head without parsing the per-ballot results.</summary>
    private static long AcceptedIn(byte[] answer)
    {
        var reader = new Utf8JsonReader(answer);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("accepted"u8) && reader.Read())
            {
                return reader.GetInt64();
            }
        }

        return 0;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>
    /// One batch body with fixed-width subscriber ids, rewritten in place for each batch: ballot i of the batch gets
    /// subscriber <c>first + i</c>, so every ballot of the run has a voter of its own (one ballot per voter and round).
    /// </summary>
    private sealed class BatchTemplate
    {
        private readonly byte[] _body;
        private readonly int[] _voterOffsets;

        public BatchTemplate(int size)
        {
            var text = new StringBuilder("{\"ballots\":[");
            _voterOffsets = new int[size];
            for (int i = 0; i < size; i++)
            {
                text.Append(i == 0 ? "" : ",").Append("{\"voter\":\"s");
                _voterOffsets[i] = text.Length; // ASCII: one byte per char
                text.Append('0', VoterDigits)
                    .Append(CultureInfo.InvariantCulture, $"\",\"picks\":[\"t{(i % BenchSeason.Trainees) + 1:000}\"],\"nonce\":1,\"channel\":null}}");
            }

            _body = Encoding.ASCII.GetBytes(text.Append("]}").ToString());
        }

        public byte[] Fill(long first)
        {
            for (int i = 0; i < _voterOffsets.Length; i++)
            {
                long voter = first + i;
                for (int d = VoterDigits - 1; d >= 0; d--)
                {
                    _body[_voterOffsets[i] + d] = (byte)('0' + (voter % 10));
                    voter /= 10;
                }
            }

            // A fresh array per request: the previous request's content may still be on its way out.
            return (byte[])_body.Clone();
        }
    }
}
