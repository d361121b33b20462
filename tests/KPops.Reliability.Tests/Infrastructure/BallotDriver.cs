using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KPops.Reliability.Tests.Infrastructure;

/// <summary>
/// The load generator: one task per voter casting ballots back to back through <c>POST /api/rounds/{id}/ballots</c>
/// (each ballot a new nonce), recording every receipt in the <see cref="BallotLedger"/>. A voter stops at the first
/// transport error — the server died — leaving its in-flight ballot unanswered for <see cref="ResubmitAsync"/>.
/// </summary>
internal sealed class BallotDriver(IReadOnlyList<string> voterTokens, BallotLedger ledger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Ballots answered with a receipt, and with a refusal (e.g. 429/503), by this driver so far.</summary>
    public int Receipts => _receipts;

    public int Refusals => _refusals;

    /// <summary>Every refusal so far: its status, problem <c>code</c> and <c>Retry-After</c> header.</summary>
    public IReadOnlyCollection<Refusal> RefusalLog => _refusalLog;

    private readonly System.Collections.Concurrent.ConcurrentQueue<Refusal> _refusalLog = new();
    private int _receipts;
    private int _refusals;

    /// <summary>Casts ballots from every voter until <paramref name="stop"/> or until the server stops answering.</summary>
    public Task DriveAsync(HttpClient client, int seed, CancellationToken stop) =>
        Task.WhenAll(voterTokens.Select((token, voter) => Task.Run(() => VoteAsync(client, voter, new Random(seed + voter), stop), CancellationToken.None)));

    /// <summary>
    /// Sends every unanswered ballot again with its nonce: it comes back accepted, or as a duplicate with the index it
    /// got before. Returns the answers' statuses (null: no answer).
    /// </summary>
    public async Task<IReadOnlyList<HttpStatusCode?>> ResubmitAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var statuses = new List<HttpStatusCode?>();
        foreach (SentBallot ballot in ledger.Unanswered.ToArray())
        {
            statuses.Add(await CastAsync(client, ballot, cancellationToken));
        }

        return statuses;
    }

    /// <summary>Casts <paramref name="perVoter"/> new ballots from every voter at once; returns each answer's status.</summary>
    public async Task<IReadOnlyList<HttpStatusCode?>> BurstAsync(HttpClient client, int perVoter, int seed, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(voterTokens.Select((_, voter) => Task.Run(async () =>
        {
            var random = new Random(seed + voter);
            var statuses = new List<HttpStatusCode?>();
            for (int i = 0; i < perVoter; i++)
            {
                statuses.Add(await CastAsync(client, ledger.NewBallot(voter, random), cancellationToken));
            }

            return statuses;
        }, cancellationToken)));
        return answers.SelectMany(statuses => statuses).ToArray();
    }

    private async Task VoteAsync(HttpClient client, int voter, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            SentBallot ballot = ledger.NewBallot(voter, random);
            if (await CastAsync(client, ballot, CancellationToken.None) is null)
            {
                return;
            }
        }
    }

    /// <returns>The answer's status; null when the server did not answer at all.</returns>
    private async Task<HttpStatusCode?> CastAsync(HttpClient client, SentBallot ballot, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/rounds/{LoadSeason.RoundId}/ballots")
        {
            Content = JsonContent.Create(new { picks = ballot.Picks.Select(p => LoadSeason.Trainees[p]).ToArray(), nonce = ballot.Nonce }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", voterTokens[ballot.Voter]);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref _refusals);
                string body = await response.Content.ReadAsStringAsync(cancellationToken);
                _refusalLog.Enqueue(new Refusal(response.StatusCode, ProblemCode(body), response.Headers.RetryAfter?.Delta));
                if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
                {
                    ledger.Fail($"ballot {ballot.Nonce}: unexpected {(int)response.StatusCode} {body}");
                }

                return response.StatusCode;
            }

            var receipt = await response.Content.ReadFromJsonAsync<ReceiptBody>(Json, cancellationToken)
                ?? throw new InvalidOperationException("An empty receipt.");
            ledger.Acknowledge(ballot, receipt.Index, receipt.EntryHash, receipt.Checkpoint, receipt.InclusionProof);
            Interlocked.Increment(ref _receipts);
            return HttpStatusCode.OK;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            // The server is gone (killed): the ballot stays unanswered; it may or may not be in the log.
            return null;
        }
    }

    private static string? ProblemCode(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("code", out JsonElement code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record ReceiptBody(string Status, long Index, string EntryHash, string Checkpoint, string[] InclusionProof);
}

/// <summary>A ballot the server refused: the status, the problem's stable <c>code</c>, and the <c>Retry-After</c> it advised.</summary>
internal sealed record Refusal(HttpStatusCode Status, string? Code, TimeSpan? RetryAfter);
