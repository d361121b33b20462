using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KPops.Server.Partners;
using KPops.Server.Storage;
using KPops.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Tests;

/// <summary>
/// A server of its own per database provider with the log's season loaded, a round open and a partner key, and small
/// batch limits (50 ballots, 16 KiB) so that the 413s are cheap to reach.
/// </summary>
public abstract class PartnerBatchFixture : ServerFixture
{
    public const string Round = "online-1";

    private readonly SemaphoreSlim _setUp = new(1, 1);
    private PartnerKeyCreated? _key;

    /// <summary>The first key (partner "Gateway A"), created with the round opened on first use.</summary>
    public async Task<PartnerKeyCreated> KeyAsync()
    {
        await _setUp.WaitAsync();
        try
        {
            if (_key is null)
            {
                var ct = TestContext.Current.CancellationToken;
                var producer = As(Role.Producer);
                (await producer.PostAsync("/api/seasons", Json.Content(Json.NewSeason(out _)), ct)).EnsureSuccessStatusCode();
                (await producer.PostAsync($"/api/rounds/{Round}/open", null, ct)).EnsureSuccessStatusCode();
                (await producer.PostAsJsonAsync($"/api/rounds/{Round}/extend",
                    new { reason = "partner tests", closesAt = DateTimeOffset.UtcNow.AddDays(7) }, ct)).EnsureSuccessStatusCode();
                _key = await PartnerClient.CreateKeyAsync(producer, "Gateway A");
            }

            return _key;
        }
        finally
        {
            _setUp.Release();
        }
    }

    protected static Dictionary<string, string?> Limits() => new()
    {
        [$"KPops:{nameof(ServerOptions.PartnerMaxBallotsPerBatch)}"] = "50",
        [$"KPops:{nameof(ServerOptions.PartnerMaxBatchBytes)}"] = "16384",
    };
}

public sealed class SqlitePartnerBatchFixture : PartnerBatchFixture
{
    protected override Task<IReadOnlyDictionary<string, string?>> DatabaseSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(Limits());
}

public sealed class PostgresPartnerBatchFixture(PostgresInstance postgres) : PartnerBatchFixture
{
    public override string? SkipReason => postgres.SkipReason;

    protected override async Task<IReadOnlyDictionary<string, string?>> DatabaseSettingsAsync()
    {
        var settings = Limits();
        settings[$"ConnectionStrings:{StorageExtensions.PostgresConnectionName}"] = await postgres.CreateDatabaseAsync();
        return settings;
    }
}

/// <summary>Signed partner batches answered per ballot, idempotency keys, pseudonyms per partner and the batch limits.</summary>
public abstract class PartnerBatchTests<TFixture>(TFixture fixture)
    where TFixture : PartnerBatchFixture
{
    private HttpClient Anonymous => fixture.As(Role.Anonymous);

    [Fact]
    public async Task Signed_batch_is_answered_per_ballot_with_entry_hashes_or_reasons()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? "");
        var ct = TestContext.Current.CancellationToken;
        var key = await fixture.KeyAsync();
        string a = Subscriber(), b = Subscriber();
        string body = "{\"ballots\":["
            + $$"""{"voter":"{{a}}","picks":["t001","t002"],"nonce":1},"""
            + $$"""{"voter":"{{b}}","picks":["t003"],"nonce":1,"unknownField":{"x":[1,2]} },"""
            + $$"""{"voter":"{{Subscriber()}}","picks":["t999"],"nonce":1},"""
            + $$"""{"voter":"{{Subscriber()}}","picks":["t001"],"nonce":1,"segment":"nowhere"}"""
            + "]}";

        using var response = await Anonymous.SendAsync(PartnerClient.Signed(key, PartnerBatchFixture.Round, body), ct);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!;
        var results = answer["results"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (int)answer["accepted"]!);
        Assert.Equal(2, (int)answer["refused"]!);
        Assert.Equal(["accepted", "accepted", "unknown-trainee", "unknown-segment"], results.Select(r => (string)r!["code"]!));
        Assert.StartsWith("kpops.localhost/log\n", (string)answer["checkpoint"]!, StringComparison.Ordinal);
        foreach (var accepted in results.Take(2))
        {
            // The entry hash is the log's leaf hash: the receipt endpoint says the same.
            var receipt = await Anonymous.GetFromJsonAsync<JsonObject>($"/api/receipts/{(long)accepted!["index"]!}", ct);
            Assert.Equal((string?)receipt!["entryHash"], (string?)accepted["entryHash"]);
        }

        Assert.Null(results[2]!["index"]);
    }

    [Fact]
    public async Task Repeat_with_the_same_idempotency_key_and_body_answers_the_stored_response()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? "");
        var ct = TestContext.Current.CancellationToken;
        var key = await fixture.KeyAsync();
        string body = Batch(Subscriber(), Subscriber());
        string idempotencyKey = Guid.NewGuid().ToString("N");

        using var first = await Anonymous.SendAsync(PartnerClient.Signed(key, PartnerBatchFixture.Round, body, idempotencyKey), ct);
        using var repeat = await Anonymous.SendAsync(PartnerClient.Signed(key, PartnerBatchFixture.Round, body, idempotencyKey), ct);
        using var reused = await Anonymous.SendAsync(PartnerClient.Signed(key, PartnerBatchFixture.Round, Batch(Subscriber()), idempotencyKey), ct);

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(ct), await repeat.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("idempotency_key_reused", (string?)(await Json.ProblemAsync(reused))["code"]);
    }

    [Fact]
    public async Task Repeat_while_the_batch_is_still_running_is_answered_in_progress_and_runs_once_it_is_not()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? "");
        var ct = TestContext.Current.CancellationToken;
        var key = await fixture.KeyAsync();
        string body = Batch(Subscriber());
        string idempotencyKey = Guid.NewGuid().ToString("N");
        byte[] requestHash = PartnerBatchApi.RequestHash($"/api/partner/rounds/{PartnerBatchFixture.Round}/ballots",
            SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        // Holds the key as the first request does while its ballots are being logged.
        var claims = fixture.App.Services.GetRequiredService<PartnerClaims>();
        Assert.True(claims.TryClaim(key.KeyId, idempotencyKey, requestHash, out _));

        using var repeat = await Anonymous.SendAsync(PartnerClient.Signed(key, PartnerBatchFixture.Round, body, idempotencyKey), ct);
        using var reused = await Anonymous.SendAsync(PartnerClient.Signed(key, PartnerBatchFixture.Round, Batch(Subscriber()), idempotencyKey), ct);
        claims.Release(key.KeyId, idempotencyKey);
        using var retried = await Anonymous.SendAsync(PartnerClient.Signed(key, PartnerBatchFixture.Round, body, idempotencyKey), ct);

        Assert.Equal(HttpStatusCode.Conflict, repeat.StatusCode);
        Assert.Equal("idempotency_key_in_progress", (string?)(await Json.ProblemAsync(repeat))["code"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("idempotency_key_reused", (string?)(await Json.ProblemAsync(reused))["code"]);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, (int)(await retried.Content.ReadFromJsonAsync<JsonObject>(ct))!["accepted"]!);
    }

    [Fact]
    public async Task A_claim_row_left_by_an_older_server_that_died_mid_batch_does_not_block_the_retry()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? "");
        var ct = TestContext.Current.CancellationToken;
        var key = await fixture.KeyAsync();
        string body = Batch(Subscriber());
        string idempotencyKey = Guid.NewGuid().ToString("N");
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            // Earlier servers inserted the row before the batch ran and filled its outcomes after.
            var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
            db.PartnerBatches.Add(new PartnerBatch
            {
                KeyId = key.KeyId,
                IdempotencyKey = idempotencyKey,
                RequestHash = [1, 2, 3],
                CreatedAtUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            });
            await db.SaveChangesAsync(ct);
        }

        using var retried = await Anonymous.SendAsync(PartnerClient.Signed(key, PartnerBatchFixture.Round, body, idempotencyKey), ct);
        using var repeat = await Anonymous.SendAsync(PartnerClient.Signed(key, PartnerBatchFixture.Round, body, idempotencyKey), ct);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, (int)(await retried.Content.ReadFromJsonAsync<JsonObject>(ct))!["accepted"]!);
        Assert.Equal(await retried.Content.ReadAsStringAsync(ct), await repeat.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task Subscribers_pseudonym_is_scoped_to_the_partner_and_survives_key_rotation()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? "");
        var ct = TestContext.Current.CancellationToken;
        var key = await fixture.KeyAsync();
        var rotated = await PartnerClient.CreateKeyAsync(fixture.As(Role.Producer), "Gateway A");
        var otherPartner = await PartnerClient.CreateKeyAsync(fixture.As(Role.Producer), "Gateway B");
        string subscriber = Subscriber();

        var first = await CodesAsync(key, Batch(subscriber));
        var sameAfterRotation = await CodesAsync(rotated, Batch(subscriber));
        var sameIdOtherPartner = await CodesAsync(otherPartner, Batch(subscriber));

        Assert.Equal(["accepted"], first);
        Assert.Equal(["duplicate-ballot"], sameAfterRotation);
        Assert.Equal(["accepted"], sameIdOtherPartner);

        async Task<string[]> CodesAsync(PartnerKeyCreated with, string body)
        {
            using var response = await Anonymous.SendAsync(PartnerClient.Signed(with, PartnerBatchFixture.Round, body), ct);
            var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!;
            return answer["results"]!.AsArray().Select(r => (string)r!["code"]!).ToArray();
        }
    }

    [Fact]
    public async Task Batch_beyond_the_ballot_or_byte_limit_is_413_and_a_malformed_one_400()
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? "");
        var ct = TestContext.Current.CancellationToken;
        var key = await fixture.KeyAsync();

        using var tooMany = await Anonymous.SendAsync(PartnerClient.Signed(key, PartnerBatchFixture.Round,
            Batch(Enumerable.Range(0, 51).Select(_ => Subscriber()).ToArray())), ct);
        using var tooBig = await Anonymous.SendAsync(PartnerClient.Signed(key, PartnerBatchFixture.Round,
            $$"""{"padding":"{{new string('x', 17_000)}}","ballots":[]}"""), ct);
        using var malformed = await Anonymous.SendAsync(PartnerClient.Signed(key, PartnerBatchFixture.Round,
            """{"ballots":[{"voter":"no-picks","nonce":1}]}"""), ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
        Assert.Equal("payload_too_large", (string?)(await Json.ProblemAsync(tooMany))["code"]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("ballots[0]", (string?)(await Json.ProblemAsync(malformed))["detail"], StringComparison.Ordinal);
    }

    private static string Subscriber() => "sub-" + Guid.NewGuid().ToString("N")[..12];

    private static string Batch(params string[] subscribers) =>
        "{\"ballots\":[" + string.Join(',', subscribers.Select(s => $$"""{"voter":"{{s}}","picks":["t001"],"nonce":7}""")) + "]}";
}

public sealed class SqlitePartnerBatchTests(SqlitePartnerBatchFixture fixture)
    : PartnerBatchTests<SqlitePartnerBatchFixture>(fixture), IClassFixture<SqlitePartnerBatchFixture>;

public sealed class PostgresPartnerBatchTests(PostgresPartnerBatchFixture fixture)
    : PartnerBatchTests<PostgresPartnerBatchFixture>(fixture), IClassFixture<PostgresPartnerBatchFixture>;
