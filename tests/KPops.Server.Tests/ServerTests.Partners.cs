using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KPops.Server.Partners;
using KPops.Server.Storage;
using KPops.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Tests;

/// <summary>Partner keys and the partner endpoint's authentication, on the shared server (no open round needed).</summary>
public abstract partial class ServerTests<TFixture>
{
    private const string NoRound = "no-such-round";
    private const string EmptyBatch = """{"ballots":[]}""";

    [Fact]
    public async Task Producer_creates_a_partner_key_whose_secret_is_shown_once_and_stored_sealed()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = await PartnerClient.CreateKeyAsync(As(Role.Producer), "Sealed SMS");

        var listed = await As(Role.Auditor).GetFromJsonAsync<JsonArray>("/api/partners/", ct);

        Assert.StartsWith(PartnerSecrets.KeyIdPrefix, key.KeyId, StringComparison.Ordinal);
        Assert.StartsWith(PartnerSecrets.SecretPrefix, key.Secret, StringComparison.Ordinal);
        var entry = Assert.Single(listed!, k => (string?)k!["keyId"] == key.KeyId)!.AsObject();
        Assert.Equal("Sealed SMS", (string?)entry["partnerName"]);
        Assert.False(entry.ContainsKey("secret"));
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KPopsDbContext>().PartnerKeys.SingleAsync(k => k.Id == key.KeyId, ct);
        Assert.DoesNotContain(key.Secret, Encoding.UTF8.GetString(stored.ProtectedSecret), StringComparison.Ordinal);
        Assert.Equal(key.Secret, Encoding.UTF8.GetString(scope.ServiceProvider.GetRequiredService<PartnerSecrets>().Unprotect(stored.ProtectedSecret)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("slash/name")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789x")]
    public async Task Partner_key_with_an_unusable_name_is_400(string name)
    {
        using var response = await As(Role.Producer).PostAsJsonAsync("/api/partners/", new { name }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad_request", (string?)(await Json.ProblemAsync(response))["code"]);
    }

    [Fact]
    public async Task Signed_partner_request_passes_authentication_until_its_key_is_revoked()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = await PartnerClient.CreateKeyAsync(As(Role.Producer), "Revoked SMS");

        using var before = await As(Role.Anonymous).SendAsync(PartnerClient.Signed(key, NoRound, EmptyBatch), ct);
        using var revoke = await As(Role.Producer).DeleteAsync($"/api/partners/{key.KeyId}", ct);
        using var after = await As(Role.Anonymous).SendAsync(PartnerClient.Signed(key, NoRound, EmptyBatch), ct);
        var listed = await As(Role.Producer).GetFromJsonAsync<JsonArray>("/api/partners/", ct);

        // Past the signature, the request meets the missing round.
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal("unknown-round", (string?)(await Json.ProblemAsync(before))["code"]);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("signature_invalid", (string?)(await Json.ProblemAsync(after))["code"]);
        Assert.NotNull(Assert.Single(listed!, k => (string?)k!["keyId"] == key.KeyId)!["revokedAt"]);
    }

    [Fact]
    public async Task Partner_request_with_a_wrong_signature_an_old_timestamp_or_no_idempotency_key_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = await PartnerClient.CreateKeyAsync(As(Role.Producer), "Careless SMS");

        using var wrongSecret = await As(Role.Anonymous).SendAsync(PartnerClient.Signed(key, NoRound, EmptyBatch, secret: "kps_not-the-secret"), ct);
        var tampered = PartnerClient.Signed(key, NoRound, EmptyBatch);
        tampered.Content = new StringContent("""{"ballots":[{"voter":"x","picks":[],"nonce":1}]}""", Encoding.UTF8, "application/json");
        using var tamperedBody = await As(Role.Anonymous).SendAsync(tampered, ct);
        using var stale = await As(Role.Anonymous).SendAsync(PartnerClient.Signed(key, NoRound, EmptyBatch, timestamp: DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds()), ct);
        var unkeyed = PartnerClient.Signed(key, NoRound, EmptyBatch);
        unkeyed.Headers.Remove(PartnerSignature.IdempotencyKeyHeader);
        using var noIdempotencyKey = await As(Role.Anonymous).SendAsync(unkeyed, ct);
        using var unsigned = await As(Role.Anonymous).PostAsync($"/api/partner/rounds/{NoRound}/ballots", Json.Content(EmptyBatch), ct);

        Assert.Equal("signature_invalid", (string?)(await Json.ProblemAsync(wrongSecret))["code"]);
        Assert.Equal("signature_invalid", (string?)(await Json.ProblemAsync(tamperedBody))["code"]);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal("timestamp_out_of_range", (string?)(await Json.ProblemAsync(stale))["code"]);
        Assert.Equal(HttpStatusCode.BadRequest, noIdempotencyKey.StatusCode);
        Assert.Equal("idempotency_key_required", (string?)(await Json.ProblemAsync(noIdempotencyKey))["code"]);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Fact]
    public void Signature_is_hmac_sha256_over_the_documented_canonical_request()
    {
        // The worked example of docs/partners.md.
        byte[] body = Encoding.UTF8.GetBytes("""{"ballots":[{"voter":"sub-1","picks":["t001"],"nonce":1,"channel":"sms"}]}""");
        string signature = PartnerSignature.Sign("kps_example-secret", "POST", "/api/partner/rounds/final/ballots", 1764230400, "batch-0001", body);

        string expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes("kps_example-secret"), Encoding.UTF8.GetBytes(
            "KPOPS1-HMAC-SHA256\nPOST\n/api/partner/rounds/final/ballots\n1764230400\nbatch-0001\n"
            + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)))));
        Assert.Equal(expected, signature);
    }
}
