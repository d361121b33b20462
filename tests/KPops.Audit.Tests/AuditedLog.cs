using System.Globalization;
using KPops.Format.Model;
using KPops.Format.Ranking;
using KPops.Log;
using KPops.Voting;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Audit.Tests;

/// <summary>
/// A real season log on disk: written by the <see cref="BallotPipeline"/> with <see cref="FileLogStorage"/>
/// (the season, ballots from many fans, the round's close, the announcement) and exported as tiles with
/// <see cref="FileTileExporter"/>, in a temporary directory the tests may tamper with.
/// </summary>
internal sealed class AuditedLog : IDisposable
{
    public const string Origin = "kpops.test/audit";
    public const string RoundId = "final";
    public const string AnnouncementId = "result";
    private const int Trainees = 12;
    private static readonly DateTimeOffset Opens = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);

    private AuditedLog(string root, NoteSigner signer)
    {
        Root = root;
        Signer = signer;
    }

    public string Root { get; }
    public string DataDirectory => Path.Combine(Root, "data");
    public string Tiles => Path.Combine(Root, "tiles");
    public string StateDirectory => Path.Combine(Root, "state");
    public NoteSigner Signer { get; }
    public NoteVerifier Verifier => NoteVerifier.Parse(Signer.Verifier.KeyText);

    /// <summary>
    /// Writes <paramref name="ballots"/> ballots and the announcement; <paramref name="tamper"/> may change the
    /// published ranking; the ballots at the <paramref name="quarantined"/> positions are quarantined before the close.
    /// </summary>
    public static async Task<AuditedLog> WriteAsync(int ballots = 1_500, Func<AnnouncementPublished, AnnouncementPublished>? tamper = null, int[]? quarantined = null)
    {
        var log = new AuditedLog(Path.Combine(Path.GetTempPath(), "kpops-audit-" + Guid.NewGuid().ToString("N")), NoteSigner.Generate(Origin));
        using (var storage = FileLogStorage.Open(log.DataDirectory))
        {
            var pipeline = BallotPipeline.Open(storage, log.Signer, Origin, Season(), new BallotPipelineOptions { MaxBatchSize = 500, MaxBatchAge = TimeSpan.Zero });
            var random = new Random(7);
            var batch = new Ballot[ballots];
            for (int i = 0; i < ballots; i++)
            {
                // Popularity falls off with the trainee's number, as it does on a real show.
                var pick = (ushort)Math.Min(Trainees - 1, (int)(-Math.Log(1 - random.NextDouble()) * 3));
                batch[i] = new Ballot([pick])
                {
                    Round = 0,
                    Voter = new VoterPseudonym((ulong)i + 1, (ulong)i * 31 + 7),
                    Period = 0,
                    ServerTimeMs = Opens.AddMinutes(1 + (i % 100)).ToUnixTimeMilliseconds(),
                };
            }

            var outcomes = new BallotOutcome[ballots];
            await pipeline.SubmitManyAsync(batch, outcomes);
            Assert.All(outcomes, o => Assert.Equal(SubmitStatus.Accepted, o.Status));
            if (quarantined is { Length: > 0 })
            {
                var entries = quarantined.Select(i => outcomes[i].Index).ToArray();
                await AppendAsync(pipeline, QuarantineEntry.ForEntries(entries, QuarantineReason.MultipleAccounts, "same device"));
            }

            await AppendAsync(pipeline, new RoundClosed(0, pipeline.Season.Round(0).ClosesAtMs));
            var result = RankingEngine.Rank(pipeline.Season.Season, AnnouncementId, pipeline.Tallies, new Dictionary<string, AnnouncementResult>());
            var entry = PublishedRankings.ToEntry(pipeline.Season, result);
            await AppendAsync(pipeline, tamper is null ? entry : tamper(entry));
            await pipeline.DisposeAsync();
        }

        await log.ExportAsync();
        return log;
    }

    /// <summary>Re-exports the data directory's current state over the tiles directory.</summary>
    public async Task ExportAsync()
    {
        using var readOnly = FileLogStorage.OpenReadOnly(DataDirectory);
        await FileTileExporter.ExportAsync(new StorageTileSource(readOnly), Tiles);
    }

    /// <summary>The verified entries, as published.</summary>
    public async Task<List<byte[]>> ReadEntriesAsync()
    {
        var client = new TileLogClient(new DirectoryTileSource(Tiles));
        var head = await client.ReadCheckpointAsync(Verifier);
        var entries = new List<byte[]>();
        await foreach (var entry in client.ReadEntriesAsync(head))
        {
            entries.Add(entry.Data.ToArray());
        }

        return entries;
    }

    /// <summary>Writes <paramref name="entries"/> as a brand-new log signed by <paramref name="signer"/> and exports it over the tiles.</summary>
    public async Task RewriteAsync(IEnumerable<byte[]> entries, NoteSigner signer)
    {
        Directory.Delete(Tiles, recursive: true);
        var directory = Path.Combine(Root, "rewritten-" + Guid.NewGuid().ToString("N"));
        using (var storage = FileLogStorage.Open(directory))
        using (var rewritten = TransparencyLog.Open(storage, signer, Origin))
        {
            var all = entries.Select(e => (ReadOnlyMemory<byte>)e).ToArray();
            rewritten.AppendBatch(all);
        }

        using var readOnly = FileLogStorage.OpenReadOnly(directory);
        await FileTileExporter.ExportAsync(new StorageTileSource(readOnly), Tiles);
    }

    public LogAuditor Auditor() => new(new DirectoryTileSource(Tiles), Verifier) { State = new AuditStateStore(StateDirectory), SourceName = Tiles };

    public static bool IsBallot(byte[] entry) => EntryHeader.Check(entry, out var kind) == EntryError.None && kind == EntryKind.Ballot;

    private static async Task AppendAsync(BallotPipeline pipeline, KPops.Voting.Entries.LogEntry entry)
    {
        var outcome = await pipeline.AppendAsync(entry);
        Assert.True(outcome.Status == SubmitStatus.Accepted, outcome.Problem);
    }

    private static Season Season() => new()
    {
        Id = "audit-test",
        Name = new LocalizedText("감사 시험", "Audit test"),
        TimeZone = "Asia/Seoul",
        Trainees = [.. Enumerable.Range(1, Trainees).Select(i => new Trainee
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"t{i:00}"),
            Hangul = "연습생" + i.ToString(CultureInfo.InvariantCulture),
        })],
        Rounds =
        [
            new Round
            {
                Id = RoundId,
                Name = new LocalizedText("결승", "Final"),
                OpensAt = Opens,
                ClosesAt = Opens.AddDays(1),
                Ballot = new BallotRule { MinPicks = 1, MaxPicks = 1, Period = PeriodKind.Round, BallotsPerPeriod = 1 },
            },
        ],
        Announcements =
        [
            new Announcement
            {
                Id = AnnouncementId,
                Name = new LocalizedText("결과", "Result"),
                Sources = [new ScoreSource { Label = "online", Rounds = [RoundId] }],
                CutLine = 5,
            },
        ],
    };

    public void Dispose()
    {
        Signer.Dispose();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
