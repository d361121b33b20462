using System.Net;
using System.Net.Http.Json;
using System.Text;
using KPops.Format;
using KPops.Log;
using KPops.Server.PublicLog;
using KPops.Server.Staff;
using KPops.Server.Storage;
using KPops.Server.Tests.Infrastructure;
using KPops.Server.Voting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Tests;

/// <summary>Fans cast ballots over HTTP and get receipts that verify against the public log.</summary>
public sealed class BallotTests : IAsyncLifetime
{
    private const string OpenRound = "online-1";
    private const string ClosedRound = "online-2";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "kpops-ballot-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<HttpClient> _clients = [];
    private WebApplication? _app;

    private WebApplication App => _app!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _app = await ServerFixture.StartAsync(new Dictionary<string, string?> { ["KPops:DataDirectory"] = _data });
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateAsync(ServerFixture.EmailOf(Role.Producer), StaffRoles.Producer, ServerFixture.Password);
        }

        var producer = await SignInAsync(ServerFixture.EmailOf(Role.Producer));
        (await producer.PostAsync("/api/seasons", Json.Content(Json.NewSeason(out _)), ct)).EnsureSuccessStatusCode();
        (await producer.PostAsync($"/api/rounds/{OpenRound}/open", null, ct)).EnsureSuccessStatusCode();
        (await producer.PostAsJsonAsync($"/api/rounds/{OpenRound}/extend",
            new { reason = "test round", closesAt = DateTimeOffset.UtcNow.AddDays(7) }, ct)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Accepted_ballots_receipt_verifies_against_the_published_key()
    {
        var ct = TestContext.Current.CancellationToken;
        using var fan = await FanAsync();

        using var response = await fan.PostAsync($"/api/rounds/{OpenRound}/ballots", Json.Content("""{"picks":["t001","t002"],"nonce":7}"""), ct);
        var receipt = await response.Content.ReadFromJsonAsync<ReceiptResponse>(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("accepted", receipt!.Status);
        await AssertVerifiesAsync(receipt);
    }

    [Fact]
    public async Task Fan_signed_up_by_code_casts_a_ballot_with_the_voter_token()
    {
        var ct = TestContext.Current.CancellationToken;
        using var voter = await FanCodes.VoterClientAsync(App, _data);

        using var response = await voter.PostAsync($"/api/rounds/{OpenRound}/ballots", Json.Content("""{"picks":["t008"],"nonce":11}"""), ct);
        var receipt = await response.Content.ReadFromJsonAsync<ReceiptResponse>(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("accepted", receipt!.Status);
        await AssertVerifiesAsync(receipt);
    }

    [Fact]
    public async Task Fans_pseudonym_follows_the_account_not_the_token()
    {
        var ct = TestContext.Current.CancellationToken;
        string email = FanCodes.NewEmail();
        using var client = ServerFixture.CreateClient(App);
        const string ballot = """{"picks":["t009"],"nonce":12}""";
        var results = new List<ReceiptResponse>();
        foreach (int signIn in new[] { 1, 2 })
        {
            var token = await FanCodes.SignUpAsync(client, _data, email);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/rounds/{OpenRound}/ballots") { Content = Json.Content(ballot) };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
            using var response = await client.SendAsync(request, ct);
            results.Add((await response.Content.ReadFromJsonAsync<ReceiptResponse>(ct))!);
        }

        Assert.Equal(["accepted", "duplicate-ballot"], results.Select(r => r.Status));
        Assert.Equal(results[0].Index, results[1].Index);
    }

    [Fact]
    public async Task Resubmitting_with_the_same_nonce_returns_the_original_index()
    {
        var ct = TestContext.Current.CancellationToken;
        using var fan = await FanAsync();
        const string ballot = """{"picks":["t003"],"nonce":42}""";

        var first = await (await fan.PostAsync($"/api/rounds/{OpenRound}/ballots", Json.Content(ballot), ct)).Content.ReadFromJsonAsync<ReceiptResponse>(ct);
        using var again = await fan.PostAsync($"/api/rounds/{OpenRound}/ballots", Json.Content(ballot), ct);
        var second = await again.Content.ReadFromJsonAsync<ReceiptResponse>(ct);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate-ballot", second!.Status);
        Assert.Equal(first!.Index, second.Index);
        await AssertVerifiesAsync(second);
    }

    [Theory]
    [InlineData(OpenRound, """{"picks":["t001","t002","t003","t004","t005","t006","t007","t008","t009","t010","t011","t012"],"nonce":1}""", 422, "too-many-picks")]
    [InlineData(OpenRound, """{"picks":[],"nonce":1}""", 422, "too-few-picks")]
    [InlineData(OpenRound, """{"picks":["t001","nobody"],"nonce":1}""", 422, "unknown-trainee")]
    [InlineData(OpenRound, """{"picks":["t001"],"channel":"fax","nonce":1}""", 422, "unknown-channel")]
    [InlineData(ClosedRound, """{"picks":["t001"],"nonce":1}""", 409, "round-closed")]
    [InlineData("no-such-round", """{"picks":["t001"],"nonce":1}""", 404, "unknown-round")]
    [InlineData(OpenRound, """{"picks":["t001"]}""", 400, "bad_request")]
    [InlineData(OpenRound, """{"picks":"t001","nonce":1}""", 400, "bad_request")]
    [InlineData(OpenRound, """{"picks":["t001"],"nonce":1} {"picks":["t002"],"nonce":2}""", 400, "bad_request")]
    [InlineData(OpenRound, """{"picks":["t001"],"nonce":1} x""", 400, "bad_request")]
    [InlineData(OpenRound, """{"picks":["t001"],"nonce":1""", 400, "bad_request")]
    [InlineData(OpenRound, "null", 400, "bad_request")]
    [InlineData(OpenRound, "", 400, "bad_request")]
    [InlineData(OpenRound, """{"picks":["t001"],"nonce":-1}""", 400, "bad_request")]
    public async Task Refused_ballot_is_a_problem_with_its_reason_code(string round, string body, int status, string code)
    {
        using var fan = await FanAsync();
        long before = Pipeline().LogSize;

        using var response = await fan.PostAsync($"/api/rounds/{round}/ballots", Json.Content(body), TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (string?)(await Json.ProblemAsync(response))["code"]);
        Assert.Equal(before, Pipeline().LogSize);
    }

    [Fact]
    public async Task Oversized_ballot_is_refused_before_it_is_read()
    {
        using var fan = await FanAsync();
        string body = $$"""{"picks":["{{new string('x', BallotsApi.MaxBallotBytes)}}"],"nonce":1}""";

        using var response = await fan.PostAsync($"/api/rounds/{OpenRound}/ballots", Json.Content(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Ballot_sent_in_pieces_without_a_length_is_read_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        using var fan = await FanAsync();

        using var response = await fan.PostAsync($"/api/rounds/{OpenRound}/ballots",
            new PiecewiseContent("{\"picks\":[\"t004\"],", "\"nonce\":21}"), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertVerifiesAsync((await response.Content.ReadFromJsonAsync<ReceiptResponse>(ct))!);
    }

    [Fact]
    public async Task Oversized_ballot_sent_in_pieces_without_a_length_is_refused()
    {
        using var fan = await FanAsync();
        long before = Pipeline().LogSize;

        using var response = await fan.PostAsync($"/api/rounds/{OpenRound}/ballots",
            new PiecewiseContent("{\"picks\":[\"t004\"],\"nonce\":22,\"pad\":\"", new string('x', BallotsApi.MaxBallotBytes) + "\"}"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (string?)(await Json.ProblemAsync(response))["code"]);
        Assert.Equal(before, Pipeline().LogSize);
    }

    [Theory]
    [InlineData(false, 400, "bad_request")]
    [InlineData(true, 500, "internal_error")]
    public async Task A_failure_while_casting_is_answered_as_a_problem_by_the_handler_itself(bool unexpected, int status, string code)
    {
        // The voter ballot lane runs ahead of the exception-handler middleware, so the handler answers failures itself:
        // a body the server cannot read (as Kestrel reports a broken chunked body), or anything unexpected.
        var http = new DefaultHttpContext { RequestServices = App.Services };
        http.Features.Set(new BallotVoter(Guid.NewGuid().ToString("D"), -1));
        http.Request.Method = "POST";
        http.Request.ContentType = "application/json";
        http.Request.RouteValues["roundId"] = OpenRound;
        http.Request.Body = new FailingStream(unexpected
            ? new InvalidOperationException("a bug")
            : new BadHttpRequestException("Unexpected end of request content.", 400));
        var answer = new MemoryStream();
        http.Response.Body = answer;

        await App.Services.GetRequiredService<BallotCasting>().CastAsync(http);

        Assert.Equal(status, http.Response.StatusCode);
        Assert.Contains($"\"code\":\"{code}\"", Encoding.UTF8.GetString(answer.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_ballot_is_unauthenticated_and_staff_may_not_vote()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = ServerFixture.CreateClient(App);
        var producer = await SignInAsync(ServerFixture.EmailOf(Role.Producer));
        const string ballot = """{"picks":["t001"],"nonce":1}""";

        using var anonymousResponse = await anonymous.PostAsync($"/api/rounds/{OpenRound}/ballots", Json.Content(ballot), ct);
        using var staffResponse = await producer.PostAsync($"/api/rounds/{OpenRound}/ballots", Json.Content(ballot), ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staffResponse.StatusCode);
    }

    [Fact]
    public async Task Receipt_fetched_again_is_proved_against_the_current_checkpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        using var fan = await FanAsync();
        var cast = await (await fan.PostAsync($"/api/rounds/{OpenRound}/ballots", Json.Content("""{"picks":["t004"],"nonce":5}"""), ct))
            .Content.ReadFromJsonAsync<ReceiptResponse>(ct);
        using var other = await FanAsync();
        (await other.PostAsync($"/api/rounds/{OpenRound}/ballots", Json.Content("""{"picks":["t005"],"nonce":5}"""), ct)).EnsureSuccessStatusCode();

        using var anonymous = ServerFixture.CreateClient(App);
        var again = await anonymous.GetFromJsonAsync<ReceiptResponse>($"/api/receipts/{cast!.Index}", ct);
        using var missing = await anonymous.GetAsync($"/api/receipts/{Pipeline().LogSize}", ct);

        Assert.Equal(cast.Index, again!.Index);
        Assert.Equal(cast.EntryHash, again.EntryHash);
        var verifier = await VerifierAsync();
        Assert.Equal(Pipeline().LogSize, LogVerifier.VerifyCheckpoint(Encoding.UTF8.GetBytes(again.Checkpoint), verifier).Size);
        await AssertVerifiesAsync(again);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("receipt_not_found", (string?)(await Json.ProblemAsync(missing))["code"]);
    }

    [Fact]
    public async Task A_receipt_carries_proof_of_inclusion_and_no_counts()
    {
        // Whether any endpoint leaks a count is checked by content, role by role, in EmbargoTests; a receipt in
        // particular names only its own entry.
        using var fan = await FanAsync();
        using var response = await fan.PostAsync($"/api/rounds/{OpenRound}/ballots", Json.Content("""{"picks":["t006"],"nonce":9}"""), TestContext.Current.CancellationToken);

        var receipt = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken);
        var receiptFields = receipt!.Select(field => field.Key).ToArray();

        Assert.Equal(["status", "index", "entryHash", "checkpoint", "inclusionProof"], receiptFields);
    }

    [Fact]
    public async Task Ballot_meters_count_accepted_and_refused_ballots_by_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        using var fan = await FanAsync();
        (await fan.PostAsync($"/api/rounds/{OpenRound}/ballots", Json.Content("""{"picks":["t007"],"nonce":3}"""), ct)).EnsureSuccessStatusCode();
        await fan.PostAsync($"/api/rounds/{ClosedRound}/ballots", Json.Content("""{"picks":["t007"],"nonce":3}"""), ct);

        var producer = await SignInAsync(ServerFixture.EmailOf(Role.Producer));
        const string Accepted = @"kpops_ballots_accepted_total(\{[^}]*\})? [1-9]";
        const string Refused = @"kpops_ballots_rejected_total\{[^}]*reason=""round-closed""[^}]*\} [1-9]";
        const string Timed = @"kpops_ballots_receipt_duration_seconds_count(\{[^}]*\})? [1-9]";
        string metrics = await MetricsScrape.UntilAsync(producer, ct, Accepted, Refused, Timed);

        Assert.Matches(Accepted, metrics);
        Assert.Matches(Refused, metrics);
        // The receipt histogram times ballots; ASP.NET Core's per-request duration is off for the ballot route.
        Assert.Matches(Timed, metrics);
        Assert.DoesNotContain("/api/rounds/{roundId}/ballots", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_durable_commit_is_recorded_in_the_batch_size_histogram()
    {
        var ct = TestContext.Current.CancellationToken;
        using var fan = await FanAsync();
        (await fan.PostAsync($"/api/rounds/{OpenRound}/ballots", Json.Content("""{"picks":["t009"],"nonce":5}"""), ct)).EnsureSuccessStatusCode();

        // The pipeline reports a commit after answering its voters, so the histogram may lag the receipt a little.
        var producer = await SignInAsync(ServerFixture.EmailOf(Role.Producer));
        const string Recorded = @"kpops_ballots_batch_size_count(\{[^}]*\})? [1-9]";
        string metrics = await MetricsScrape.UntilAsync(producer, ct, Recorded);

        Assert.Matches(Recorded, metrics);
        Assert.Matches(@"kpops_ballots_batch_size_sum(\{[^}]*\})? [1-9]", metrics);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private KPops.Voting.Pipeline.BallotPipeline Pipeline() => App.Services.GetRequiredService<VotingHost>().Pipeline!;

    /// <summary>A fresh signed-in account without a staff role: a voter with its own quota.</summary>
    private async Task<HttpClient> FanAsync()
    {
        string email = $"fan-{Guid.NewGuid():N}@tests.kpops.localhost";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.True((await users.CreateAsync(new StaffUser { UserName = email, Email = email, EmailConfirmed = true }, ServerFixture.Password)).Succeeded);
        }

        return await ServerFixture.BearerClientAsync(App, email, ServerFixture.Password);
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = await ServerFixture.BearerClientAsync(App, email, ServerFixture.Password);
        _clients.Add(client);
        return client;
    }

    private async Task<NoteVerifier> VerifierAsync()
    {
        using var anonymous = ServerFixture.CreateClient(App);
        return NoteVerifier.Parse((await anonymous.GetStringAsync("/log/key", TestContext.Current.CancellationToken)).TrimEnd('\n'));
    }

    /// <summary>What any voter can check: the checkpoint is signed by the log's key and the entry is under its root.</summary>
    private async Task AssertVerifiesAsync(ReceiptResponse receipt)
    {
        string origin = App.Services.GetRequiredService<LogHost>().Origin;
        var verifier = await VerifierAsync();
        Checkpoint checkpoint = LogVerifier.VerifyCheckpoint(Encoding.UTF8.GetBytes(receipt.Checkpoint), verifier, origin);
        byte[][] proof = receipt.InclusionProof.Select(Convert.FromBase64String).ToArray();

        Assert.True(LogVerifier.VerifyInclusion(Convert.FromBase64String(receipt.EntryHash), receipt.Index, checkpoint.Size, proof, checkpoint.RootHash));
    }
}

/// <summary>JSON sent chunked (no Content-Length) in the given pieces, flushed one by one a moment apart.</summary>
internal sealed class PiecewiseContent : HttpContent
{
    private readonly string[] _pieces;

    public PiecewiseContent(params string[] pieces)
    {
        _pieces = pieces;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        foreach (string piece in _pieces)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(piece));
            await stream.FlushAsync();
            await Task.Delay(30);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>A request body whose every read fails with the given exception.</summary>
internal sealed class FailingStream(Exception failure) : MemoryStream
{
    public override int Read(byte[] buffer, int offset, int count) => throw failure;

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(failure);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromException<int>(failure);
}
