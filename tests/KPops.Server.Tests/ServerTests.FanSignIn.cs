using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using KPops.Server.Fans;
using KPops.Server.Storage;
using KPops.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Tests;

public abstract partial class ServerTests<TFixture>
{
    private const string NoRoundBallot = """{"picks":["t001"],"nonce":1}""";

    [Fact]
    public async Task Fan_signs_up_with_the_code_from_the_outbox_and_the_voter_token_authenticates_ballots()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Fixture.CreateClient();
        string email = FanCodes.NewEmail();

        var token = await FanCodes.SignUpAsync(client, Fixture.DataDirectory, email);
        using var ballot = new HttpRequestMessage(HttpMethod.Post, "/api/rounds/no-such-round/ballots") { Content = Json.Content(NoRoundBallot) };
        ballot.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        using var response = await client.SendAsync(ballot, ct);

        Assert.True(token.Created);
        Assert.Equal("Bearer", token.TokenType);
        Assert.Equal(3600, token.ExpiresIn);
        // Past authentication and authorization: the ballot itself is judged (no such round).
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown-round", (string?)(await Json.ProblemAsync(response))["code"]);
    }

    [Fact]
    public async Task Code_request_answers_202_whether_or_not_the_address_has_an_account()
    {
        using var client = Fixture.CreateClient();
        string known = FanCodes.NewEmail();
        await FanCodes.SignUpAsync(client, Fixture.DataDirectory, known);

        using var forKnown = await client.PostAsJsonAsync("/api/fans/codes", new { email = known }, TestContext.Current.CancellationToken);
        using var forNew = await client.PostAsJsonAsync("/api/fans/codes", new { email = FanCodes.NewEmail() }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, forKnown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, forNew.StatusCode);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await forNew.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task One_account_per_address_however_it_is_spelled()
    {
        using var client = Fixture.CreateClient();
        string email = FanCodes.NewEmail();

        var first = await FanCodes.SignUpAsync(client, Fixture.DataDirectory, email);
        var again = await FanCodes.SignUpAsync(client, Fixture.DataDirectory, "  " + email.ToUpperInvariant() + " ");

        Assert.True(first.Created);
        Assert.False(again.Created);
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
        Assert.Equal(1, await db.Fans.CountAsync(f => f.Address == email, TestContext.Current.CancellationToken));
        var tokens = scope.ServiceProvider.GetRequiredService<VoterTokens>();
        Assert.Equal(tokens.Read(first.AccessToken), tokens.Read(again.AccessToken));
    }

    [Fact]
    public async Task Phone_numbers_are_one_account_whatever_the_separators()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Fixture.CreateClient();
        string digits = "8210" + Random.Shared.Next(10_000_000, 99_999_999);
        string spaced = $"+{digits[..2]} {digits[2..4]}-{digits[4..8]}-{digits[8..]}";

        (await client.PostAsJsonAsync("/api/fans/codes", new { phone = spaced }, ct)).EnsureSuccessStatusCode();
        string code = FanCodes.LastCodeFor(Fixture.DataDirectory, "+" + digits);
        using var verified = await client.PostAsJsonAsync("/api/fans/verify", new { phone = "+" + digits, code }, ct);

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.True((await verified.Content.ReadFromJsonAsync<VoterTokenResponse>(ct))!.Created);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"email":"not-an-address"}""")]
    [InlineData("""{"phone":"010-1234-5678"}""")]
    [InlineData("""{"email":"a@b.example","phone":"+821012345678"}""")]
    public async Task Code_request_without_exactly_one_usable_address_is_a_bad_request(string body)
    {
        using var response = await Fixture.CreateClient().PostAsync("/api/fans/codes", Json.Content(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad_request", (string?)(await Json.ProblemAsync(response))["code"]);
    }

    [Fact]
    public async Task Wrong_or_reused_code_is_code_invalid()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Fixture.CreateClient();
        string email = FanCodes.NewEmail();
        await FanCodes.RequestAsync(client, email);
        string code = FanCodes.LastCodeFor(Fixture.DataDirectory, email);
        string wrong = ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        using var wrongResponse = await client.PostAsJsonAsync("/api/fans/verify", new { email, code = wrong }, ct);
        using var right = await client.PostAsJsonAsync("/api/fans/verify", new { email, code }, ct);
        using var reused = await client.PostAsJsonAsync("/api/fans/verify", new { email, code }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, wrongResponse.StatusCode);
        Assert.Equal("code_invalid", (string?)(await Json.ProblemAsync(wrongResponse))["code"]);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("code_invalid", (string?)(await Json.ProblemAsync(reused))["code"]);
    }

    [Fact]
    public async Task Expired_code_is_code_expired()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Fixture.CreateClient();
        string email = FanCodes.NewEmail();
        await FanCodes.RequestAsync(client, email);
        string code = FanCodes.LastCodeFor(Fixture.DataDirectory, email);
        await using (var scope = Fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
            var stored = await db.OneTimeCodes.SingleAsync(c => c.Address == email, ct);
            stored.ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync(ct);
        }

        using var response = await client.PostAsJsonAsync("/api/fans/verify", new { email, code }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("code_expired", (string?)(await Json.ProblemAsync(response))["code"]);
    }

    [Fact]
    public async Task Too_many_wrong_codes_are_429_and_the_right_one_no_longer_works()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Fixture.CreateClient();
        string email = FanCodes.NewEmail();
        await FanCodes.RequestAsync(client, email);
        string code = FanCodes.LastCodeFor(Fixture.DataDirectory, email);
        string wrong = code == "000000" ? "000001" : "000000";
        var statuses = new List<int>();
        for (int attempt = 0; attempt < FanSignIn.MaxAttempts; attempt++)
        {
            using var response = await client.PostAsJsonAsync("/api/fans/verify", new { email, code = wrong }, ct);
            statuses.Add((int)response.StatusCode);
        }

        using var right = await client.PostAsJsonAsync("/api/fans/verify", new { email, code }, ct);

        Assert.Equal([.. Enumerable.Repeat(400, FanSignIn.MaxAttempts - 1), 429], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal("too_many_attempts", (string?)(await Json.ProblemAsync(right))["code"]);
    }

    [Fact]
    public async Task Parallel_guesses_get_no_more_tries_than_sequential_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Fixture.CreateClient();
        string email = FanCodes.NewEmail();
        await FanCodes.RequestAsync(client, email);
        string wrong = FanCodes.LastCodeFor(Fixture.DataDirectory, email) == "000000" ? "000001" : "000000";

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var response = await client.PostAsJsonAsync("/api/fans/verify", new { email, code = wrong }, ct);
            return (int)response.StatusCode;
        }));

        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KPopsDbContext>().OneTimeCodes.AsNoTracking()
            .SingleAsync(c => c.Address == email, ct);
        Assert.Equal(FanSignIn.MaxAttempts, stored.FailedAttempts);
        // Each 400 is one comparison of a guess: no more than the attempts a code has.
        Assert.InRange(responses.Count(status => status == 400), 0, FanSignIn.MaxAttempts);
        Assert.All(responses, status => Assert.Contains(status, new[] { 400, 429 }));
    }

    [Fact]
    public async Task Codes_are_stored_only_as_hashes()
    {
        using var client = Fixture.CreateClient();
        string email = FanCodes.NewEmail();
        await FanCodes.RequestAsync(client, email);
        string code = FanCodes.LastCodeFor(Fixture.DataDirectory, email);

        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KPopsDbContext>().OneTimeCodes
            .SingleAsync(c => c.Address == email, TestContext.Current.CancellationToken);

        Assert.Equal(32, stored.CodeHash.Length);
        Assert.DoesNotContain(code, Convert.ToHexString(stored.CodeHash), StringComparison.Ordinal);
        Assert.NotEqual(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code)), stored.CodeHash);
    }

    [Fact]
    public async Task Staff_token_is_no_voter_token_and_a_voter_token_is_no_staff_token()
    {
        var ct = TestContext.Current.CancellationToken;
        using var voter = await FanCodes.VoterClientAsync(Fixture.App, Fixture.DataDirectory);

        using var staffVoting = await As(Role.Producer).PostAsync("/api/rounds/no-such-round/ballots", Json.Content(NoRoundBallot), ct);
        using var voterAsStaff = await voter.GetAsync("/api/staff/me", ct);
        using var voterOpeningRound = await voter.PostAsync("/api/rounds/no-such-round/open", null, ct);
        using var forged = Fixture.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8not-a-real-token");
        using var forgedVoting = await forged.PostAsync("/api/rounds/no-such-round/ballots", Json.Content(NoRoundBallot), ct);

        Assert.Equal(HttpStatusCode.Forbidden, staffVoting.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, voterAsStaff.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, voterOpeningRound.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedVoting.StatusCode);
    }
}
