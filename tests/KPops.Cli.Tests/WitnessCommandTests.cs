using System.Text;
using KPops.Log;
using KPops.Server.Witnesses;
using Xunit;

namespace KPops.Cli.Tests;

/// <summary><c>kpops witness</c>, <c>kpops witness key</c>, and the witness options of <c>kpops audit</c>.</summary>
public sealed class WitnessCommandTests : IDisposable
{
    private const string Origin = "kpops.test/witnessed";
    private readonly string _root = Directory.CreateTempSubdirectory("kpops-cli-witness-").FullName;
    private readonly NoteSigner _logKey = NoteSigner.Generate(Origin);

    private string State => Path.Combine(_root, "witness");

    [Fact]
    public void Witness_key_creates_the_key_once_and_prints_the_same_cosignature_key_every_time()
    {
        var first = CliRun.Invoke("witness", "key", "--state", State, "--name", "witness.test/w1");
        var second = CliRun.Invoke("witness", "key", "--state", State);

        Assert.Equal(0, first.ExitCode);
        var key = CosignatureVerifier.Parse(Assert.Single(first.OutLines));
        Assert.Equal("witness.test/w1", key.Name);
        Assert.Equal(first.Out, second.Out);
        Assert.Equal(key.KeyText, File.ReadAllText(Path.Combine(State, WitnessKeyFile.PublicFileName)).Trim());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(State, WitnessKeyFile.SecretFileName)));
        }
    }

    [Fact]
    public void A_witness_keeps_its_name()
    {
        CliRun.Invoke("witness", "key", "--state", State, "--name", "witness.test/w1");

        var run = CliRun.Invoke("witness", "key", "--state", State, "--name", "witness.test/other");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("named 'witness.test/w1'", run.Error, StringComparison.Ordinal);
        Assert.False(run.ShowsStackTrace);
    }

    [Theory]
    [InlineData("not-a-key", "not a log verifier key")]
    [InlineData("kpops.test/witnessed=witness.test/w1+00000000+BNdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea", "not a log verifier key")]
    public void A_bad_log_key_stops_the_witness_before_it_listens(string log, string message)
    {
        var run = CliRun.Invoke("witness", "--state", State, "--log", log, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(run.ShowsStackTrace);
    }

    [Fact]
    public void The_witness_needs_a_state_directory_and_a_log()
    {
        Assert.Equal(1, CliRun.Invoke("witness", "--log", _logKey.Verifier.KeyText).ExitCode);
        var run = CliRun.Invoke("witness", "--state", State);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--log", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_arguments_accept_an_origin_a_bare_key_or_a_key_file()
    {
        string keyFile = Path.Combine(_root, "log.pub");
        File.WriteAllText(keyFile, "\n" + _logKey.Verifier.KeyText + "\n");

        var logs = Commands.WitnessLogArguments.Parse([_logKey.Verifier.KeyText, "mirror.test/log=" + keyFile]);

        Assert.Equal([Origin, "mirror.test/log"], logs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(_logKey.Verifier.KeyText, Assert.Single(logs["mirror.test/log"]).KeyText);
    }

    [Fact]
    public void Audit_fails_with_exit_3_and_a_witnesses_line_when_the_checkpoint_lacks_cosignatures()
    {
        string tiles = WriteEmptyLog();
        string witnessKey = Assert.Single(CliRun.Invoke("witness", "key", "--state", State, "--name", "witness.test/w1").OutLines);

        var run = CliRun.Invoke("audit", tiles, "--key", _logKey.Verifier.KeyText, "--state", Path.Combine(_root, "audit"), "--witness", witnessKey);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains(run.OutLines, line => line.StartsWith("[witnesses] Only 0 of the required 1", StringComparison.Ordinal));
        Assert.Contains("witness.test/w1: no cosignature", run.OutLines);
    }

    [Fact]
    public void Audit_counts_a_witness_that_cosigned_the_checkpoint()
    {
        string tiles = WriteEmptyLog();
        using (var key = WitnessKeyFile.LoadOrCreate(State, "witness.test/w1"))
        {
            var witness = new CheckpointWitness(key, new Dictionary<string, IReadOnlyList<NoteVerifier>> { [Origin] = [_logKey.Verifier] }, new WitnessStateStore(State));
            string path = Path.Combine(tiles, "checkpoint");
            byte[] note = File.ReadAllBytes(path);
            var outcome = witness.AddCheckpoint(new AddCheckpointRequest(0, [], note));
            File.WriteAllText(path, Encoding.UTF8.GetString(note) + WitnessResponse.FormatCosignatures(outcome.Cosignatures));
        }

        string witnessKey = File.ReadAllText(Path.Combine(State, WitnessKeyFile.PublicFileName)).Trim();

        var run = CliRun.Invoke("audit", tiles, "--key", _logKey.Verifier.KeyText, "--state", Path.Combine(_root, "audit"), "--witness", witnessKey, "--min-witnesses", "1");

        // An empty log defines no season, so the recount fails (4); the witness check itself passed.
        Assert.Equal(4, run.ExitCode);
        Assert.Contains("Witnesses: 1 of 1 cosigned this checkpoint (required: 1).", run.OutLines);
        Assert.DoesNotContain(run.OutLines, line => line.StartsWith("[witnesses]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--witness", "not-a-key", "not a witness key")]
    [InlineData("--min-witnesses", "2", "between 0 and the number of --witness keys (0)")]
    public void Bad_witness_options_are_argument_errors(string option, string value, string message)
    {
        string tiles = WriteEmptyLog();

        var run = CliRun.Invoke("audit", tiles, "--key", _logKey.Verifier.KeyText, option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _logKey.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private string WriteEmptyLog()
    {
        string tiles = Path.Combine(_root, "tiles");
        using var storage = new MemoryLogStorage();
        using var log = TransparencyLog.Open(storage, _logKey, Origin);
        FileTileExporter.ExportAsync(new LogTileSource(log), tiles).GetAwaiter().GetResult();
        return tiles;
    }
}
