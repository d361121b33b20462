using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KPops.Format;
using KPops.Server.Storage;
using KPops.Server.Tests.Infrastructure;

namespace KPops.Server.Tests;

/// <summary>
/// A server of its own for the announcement workflow (it closes rounds and publishes, which the shared fixture's
/// tests must never see): Produce X 101 plus a mentors' level evaluation counted by <c>ranking-1</c>, a mission whose
/// benefits are multiples of one quantum and an announcement that counts only that mission (for the forensics),
/// with round <c>online-1</c> open for a week.
/// </summary>
public abstract class OperationsFixture : ServerFixture
{
    public const string OpenRound = "online-1";
    public const string Ranking = "ranking-1";
    public const string LevelEvaluation = "level";
    public const string QuantumEvaluation = "quantum";
    public const string QuantumAnnouncement = "forensics-check";

    /// <summary>The fabricated-looking figures: Produce X 101's quantum, 7,494 votes.</summary>
    public const long Quantum = 7494;

    private readonly Lazy<Task> _setUp;

    protected OperationsFixture() => _setUp = new(LoadSeasonAsync);

    public string SeasonId { get; } = "ops-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Loads the season and opens <see cref="OpenRound"/>, once.</summary>
    public Task SetUpAsync() => _setUp.Value;

    private async Task LoadSeasonAsync()
    {
        var producer = As(Role.Producer);
        (await producer.PostAsync("/api/seasons", Json.Content(SeasonJson()))).EnsureSuccessStatusCode();
        (await producer.PostAsync($"/api/rounds/{OpenRound}/open", null)).EnsureSuccessStatusCode();
        (await producer.PostAsJsonAsync($"/api/rounds/{OpenRound}/extend",
            new { reason = "operations tests", closesAt = DateTimeOffset.UtcNow.AddDays(7) })).EnsureSuccessStatusCode();
    }

    private string SeasonJson()
    {
        var season = JsonNode.Parse(Presets.Json("produce-x-101"))!.AsObject();
        season["id"] = SeasonId;
        var quantumBenefits = new JsonObject();
        for (int k = 1; k <= 20; k++)
        {
            quantumBenefits[$"k{k}"] = Quantum * k;
        }

        var evaluations = season["evaluations"]!.AsArray();
        evaluations.Add(new JsonObject
        {
            ["id"] = LevelEvaluation,
            ["name"] = new JsonObject { ["ko"] = "레벨 평가", ["en"] = "Level evaluation" },
            ["kind"] = "grade",
            ["benefits"] = new JsonObject { ["A"] = 5000, ["B"] = 2000 },
        });
        evaluations.Add(new JsonObject
        {
            ["id"] = QuantumEvaluation,
            ["name"] = new JsonObject { ["ko"] = "퀀텀 미션", ["en"] = "Quantum mission" },
            ["kind"] = "mission",
            ["benefits"] = quantumBenefits,
        });

        var announcements = season["announcements"]!.AsArray();
        var first = announcements.Single(a => (string?)a!["id"] == Ranking)!;
        first["sources"]!.AsArray().Single(s => (string?)s!["label"] == "benefits")!["evaluations"]!.AsArray().Add(LevelEvaluation);
        announcements.Add(new JsonObject
        {
            ["id"] = QuantumAnnouncement,
            ["name"] = new JsonObject { ["ko"] = "포렌식 점검", ["en"] = "Forensics check" },
            ["sources"] = new JsonArray(new JsonObject { ["label"] = "quantum", ["kind"] = "evaluations", ["evaluations"] = new JsonArray(QuantumEvaluation) }),
        });
        return season.ToJsonString();
    }
}

public sealed class SqliteOperationsFixture : OperationsFixture
{
    protected override Task<IReadOnlyDictionary<string, string?>> DatabaseSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());
}

public sealed class PostgresOperationsFixture(PostgresInstance postgres) : OperationsFixture
{
    public override string? SkipReason => postgres.SkipReason;

    protected override async Task<IReadOnlyDictionary<string, string?>> DatabaseSettingsAsync() =>
        new Dictionary<string, string?> { [$"ConnectionStrings:{StorageExtensions.PostgresConnectionName}"] = await postgres.CreateDatabaseAsync() };
}
