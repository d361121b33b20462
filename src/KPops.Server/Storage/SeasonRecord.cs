namespace KPops.Server.Storage;

/// <summary>A loaded season: its file as producers uploaded it (validated), keyed by the season's own id.</summary>
public sealed class SeasonRecord
{
    public required string Id { get; set; }

    /// <summary>The season file in canonical form (<c>SeasonFile.Serialize</c>), so every reader sees the same text.</summary>
    public required string Json { get; set; }

    public DateTimeOffset LoadedAt { get; set; }

    /// <summary>The staff member who loaded it (user id), kept for the audit trail.</summary>
    public string? LoadedBy { get; set; }
}
