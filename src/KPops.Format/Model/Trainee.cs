namespace KPops.Format.Model;

/// <summary>A contestant. In Eurovision-style seasons a "trainee" is a country's entry.</summary>
public sealed record Trainee
{
    /// <summary>Stable identifier used in ballots and the vote log, e.g. <c>t001</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Name in Hangul (or the entry's own name when not Korean).</summary>
    public required string Hangul { get; init; }

    /// <summary>
    /// Romanized name as the trainee spells it. When absent it is derived from <see cref="Hangul"/> by the
    /// Revised Romanization with conventional surnames (see <c>Romanizer</c>).
    /// </summary>
    public string? Romanized { get; init; }

    public string? EnglishName { get; init; }
    public string? Agency { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string? Nationality { get; init; }

    public DateOnly? BirthDate { get; init; }
    public IReadOnlyList<string> Positions { get; init; } = [];

    /// <summary>Id of a <see cref="TraineeGroup"/> when the season has groups.</summary>
    public string? Group { get; init; }

    /// <summary>
    /// The voter segment this entry belongs to, for rules that ban voting for one's own segment
    /// (Eurovision: a country cannot vote for its own song).
    /// </summary>
    public string? HomeSegment { get; init; }

    /// <summary>
    /// Links to videos of the trainee's performances (fancams), in the order the season lists them. Null — left out
    /// of the file and of its canonical form — when the season lists none, so seasons written before this field
    /// existed keep the bytes, and the digest, the vote log records for them.
    /// </summary>
    public IReadOnlyList<Fancam>? Fancams { get; init; }
}

/// <summary>A link to a video of one trainee on stage, shown on the fan site's trainee page.</summary>
public sealed record Fancam
{
    /// <summary>An absolute <c>https://</c> address, e.g. <c>https://www.youtube.com/watch?v=…</c>.</summary>
    public required string Url { get; init; }

    /// <summary>What the video shows, e.g. the stage it was filmed at; without one the site names the link by its host.</summary>
    public LocalizedText? Title { get; init; }

    /// <summary>
    /// The link, when it is one the season validator admits (absolute https, a host, no user name or password, no
    /// whitespace or control characters): pages that show fancams check again with this.
    /// </summary>
    public bool TryGetSafeUri([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri) =>
        Validation.FancamRules.IsSafeLink(Url, out uri);
}
