using System.Net;
using System.Text;
using KPops.Format;
using KPops.Log;
using KPops.Server.PublicLog;
using KPops.Server.Tests.Infrastructure;
using KPops.Server.Witnesses;
using KPops.Voting.Entries;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KPops.Server.Tests;

/// <summary>
/// The server and a real witness (the <c>kpops witness</c> application on 127.0.0.1): the server submits its checkpoint
/// in the background and serves it with the witness's cosignature; the witness speaks tlog-witness over HTTP.
/// </summary>
public sealed class WitnessTests : IAsyncDisposable
{
    private const int FirstBatch = 100;
    private const int LogSize = 300;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kpops-witness-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<WebApplication> _apps = [];
    private readonly string _origin = new LogOptions().Origin;
    private NoteSigner? _logKey;
    private byte[] _firstCheckpoint = [];

    private string DataDirectory => Path.Combine(_root, "data");

    private string WitnessState => Path.Combine(_root, "witness");

    [Fact]
    public async Task Served_checkpoint_carries_the_witness_cosignature_once_the_witness_has_cosigned_it()
    {
        var ct = TestContext.Current.CancellationToken;
        WriteLog();
        var (witnessUrl, witnessKey) = await StartWitnessAsync();
        var server = await StartServerAsync(witnessUrl, witnessKey.KeyText);
        using var client = ServerFixture.CreateClient(server);

        byte[] note = await CosignedCheckpointAsync(client, witnessKey, ct);

        var checkpoint = LogVerifier.VerifyCheckpoint(note, _logKey!.Verifier, _origin);
        Assert.Equal(LogSize, checkpoint.Size);
        var result = Assert.Single(WitnessCosignatures.Check(note, [witnessKey])!);
        Assert.Equal(CosignatureStatus.Valid, result.Status);
        Assert.Equal(LogSize, new WitnessStateStore(WitnessState).Load(_origin)!.Size);
    }

    [Fact]
    public async Task A_witness_that_knows_an_older_checkpoint_gets_a_consistency_proof_from_its_size()
    {
        var ct = TestContext.Current.CancellationToken;
        WriteLog();
        var (witnessUrl, witnessKey) = await StartWitnessAsync();
        using (var http = new HttpClient())
        {
            // Someone (an earlier server run) already had the witness cosign size 100; the server starts not knowing it.
            using var first = await http.PostAsync(new Uri(witnessUrl + "/add-checkpoint"), new ByteArrayContent(new AddCheckpointRequest(0, [], _firstCheckpoint).Encode()), ct);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var server = await StartServerAsync(witnessUrl, witnessKey.KeyText);
        using var client = ServerFixture.CreateClient(server);

        byte[] note = await CosignedCheckpointAsync(client, witnessKey, ct);

        Assert.Equal(LogSize, LogVerifier.VerifyCheckpoint(note, _logKey!.Verifier, _origin).Size);
        Assert.Equal(LogSize, new WitnessStateStore(WitnessState).Load(_origin)!.Size);
    }

    [Fact]
    public async Task Without_a_cosignature_the_checkpoint_is_the_logs_note_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        WriteLog();
        using var absent = CosignatureSigner.Generate("witness.test/absent");
        // Nothing listens on port 9 of 127.0.0.1 (discard): the witness is unreachable, the log is served regardless.
        var server = await StartServerAsync("http://127.0.0.1:9", absent.Verifier.KeyText);
        using var client = ServerFixture.CreateClient(server);
        await Task.Delay(300, ct);

        byte[] note = await client.GetByteArrayAsync(new Uri("/log/checkpoint", UriKind.Relative), ct);

        Assert.Equal(KPops.Log.CheckpointSlots.ReadLatest(Path.Combine(DataDirectory, LogHost.StorageDirectoryName))!, note);
    }

    [Theory]
    [InlineData("not a url", "Url")]
    [InlineData("ftp://witness.example", "Url")]
    [InlineData("http://witness.example", "Key")]
    public async Task A_misconfigured_witness_stops_the_server_at_start_naming_the_setting(string url, string setting)
    {
        using var key = CosignatureSigner.Generate("witness.test/config");
        string keyText = setting == "Key" ? key.ExportSignerKey() : key.Verifier.KeyText;

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ServerFixture.StartAsync(Settings(url, keyText)));

        Assert.Contains($"KPops:Witnesses:Servers:0:{setting}", string.Join(" ", failure.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_witness_answers_with_the_tlog_witness_statuses()
    {
        var ct = TestContext.Current.CancellationToken;
        WriteLog();
        var (witnessUrl, witnessKey) = await StartWitnessAsync();
        using var http = new HttpClient();
        var endpoint = new Uri(witnessUrl + "/add-checkpoint");
        async Task<HttpResponseMessage> PostAsync(long oldSize, byte[] note, byte[][]? proof = null) =>
            await http.PostAsync(endpoint, new ByteArrayContent(new AddCheckpointRequest(oldSize, proof ?? [], note).Encode()), ct);

        using var ok = await PostAsync(0, _firstCheckpoint);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        string lines = await ok.Content.ReadAsStringAsync(ct);
        string text = LogVerifier.VerifyCheckpoint(_firstCheckpoint, _logKey!.Verifier).Format();
        Assert.True(WitnessResponse.TryParseCosignatures(text, lines, out var cosignatures));
        Assert.True(witnessKey.TryVerify(text, Assert.Single(cosignatures), out _));

        using var conflict = await PostAsync(0, _firstCheckpoint);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(WitnessResponse.SizeContentType, conflict.Content.Headers.ContentType?.MediaType);
        Assert.Equal("100\n", await conflict.Content.ReadAsStringAsync(ct));

        byte[] latest = KPops.Log.CheckpointSlots.ReadLatest(Path.Combine(DataDirectory, LogHost.StorageDirectoryName))!;
        using var badProof = await PostAsync(FirstBatch, latest, [new byte[32]]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badProof.StatusCode);

        using var stranger = NoteSigner.Generate("elsewhere.test/log");
        using var unknown = await PostAsync(0, SignedNote.Sign("elsewhere.test/log\n0\n" + Convert.ToBase64String(Rfc6962.EmptyRoot) + "\n", stranger));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var impostor = NoteSigner.Generate(_origin);
        using var forbidden = await PostAsync(0, SignedNote.Sign(text, impostor));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var malformed = await http.PostAsync(endpoint, new StringContent("hello"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        _logKey?.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>A log of <see cref="LogSize"/> entries (a season, then opaque entries) in two batches, as an earlier run left it.</summary>
    private void WriteLog()
    {
        Directory.CreateDirectory(DataDirectory);
        _logKey = NoteSigner.Generate(_origin);
        File.WriteAllText(Path.Combine(DataDirectory, LogHost.SignerKeyFileName), _logKey.ExportSignerKey() + "\n");
        using var storage = FileLogStorage.Open(Path.Combine(DataDirectory, LogHost.StorageDirectoryName));
        using var log = TransparencyLog.Open(storage, _logKey, _origin);
        var entries = SeasonDefinition.ToChunks(Presets.Load("produce-x-101")).Select(chunk => chunk.ToBytes()).ToList();
        entries.AddRange(Enumerable.Range(entries.Count, LogSize - entries.Count).Select(i => Encoding.UTF8.GetBytes($"entry {i}")));
        log.AppendBatch(entries.Take(FirstBatch).Select(e => (ReadOnlyMemory<byte>)e).ToArray());
        _firstCheckpoint = log.Checkpoint.Note.ToArray();
        log.AppendBatch(entries.Skip(FirstBatch).Select(e => (ReadOnlyMemory<byte>)e).ToArray());
    }

    private async Task<(string Url, CosignatureVerifier Key)> StartWitnessAsync()
    {
        var logs = new Dictionary<string, IReadOnlyList<NoteVerifier>> { [_origin] = [_logKey!.Verifier] };
        var witness = WitnessServer.Create(new WitnessSettings(WitnessState, logs, "witness.test/w1"), ["http://127.0.0.1:0"], logging => logging.ClearProviders());
        _apps.Add(witness);
        await witness.StartAsync(TestContext.Current.CancellationToken);
        using var key = WitnessKeyFile.Load(WitnessState);
        return (witness.Urls.Single(), key.Verifier);
    }

    private Dictionary<string, string?> Settings(string witnessUrl, string witnessKey) => new()
    {
        ["KPops:DataDirectory"] = DataDirectory,
        ["KPops:Witnesses:Servers:0:Url"] = witnessUrl,
        ["KPops:Witnesses:Servers:0:Key"] = witnessKey,
        ["KPops:Witnesses:SubmitIntervalMilliseconds"] = "100",
    };

    private async Task<WebApplication> StartServerAsync(string witnessUrl, string witnessKey)
    {
        var app = await ServerFixture.StartAsync(Settings(witnessUrl, witnessKey));
        _apps.Insert(0, app);
        return app;
    }

    /// <summary>Polls the public checkpoint until it carries the witness's cosignature (the submitter runs every 100 ms).</summary>
    private static async Task<byte[]> CosignedCheckpointAsync(HttpClient client, CosignatureVerifier witness, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/log/checkpoint", UriKind.Relative), ct);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            byte[] note = await response.Content.ReadAsByteArrayAsync(ct);
            if (WitnessCosignatures.CountValid(WitnessCosignatures.Check(note, [witness])!) == 1)
            {
                return note;
            }

            Assert.True(DateTime.UtcNow < deadline, "The served checkpoint never carried the witness's cosignature.");
            await Task.Delay(50, ct);
        }
    }
}
