using System.ComponentModel.DataAnnotations;

namespace KPops.Server.PublicLog;

/// <summary>The public vote log's settings, section <c>KPops:Log</c>.</summary>
public sealed class LogOptions
{
    public const string Section = "KPops:Log";

    /// <summary>
    /// The log's origin: the first line of every checkpoint and the name of its signing key, conventionally the
    /// URL prefix the log is served under without the scheme (<c>kpops.example.com/log</c>). No spaces or '+'.
    /// Fixed for the life of a log: the signer key in the data directory is made for it on first start, and the
    /// server refuses to start if the two disagree.
    /// </summary>
    [Required]
    [RegularExpression(@"^[^\s+]+$", ErrorMessage = "The log origin must not contain spaces or '+'.")]
    public string Origin { get; set; } = "kpops.localhost/log";

    /// <summary>
    /// How long, in seconds, clients and caches may keep a partial tile (one the log will later extend). Full
    /// tiles never change and are always served as cacheable for a year; the checkpoint is never cached.
    /// </summary>
    [Range(0, 3600)]
    public int PartialTileMaxAgeSeconds { get; set; } = 10;

    /// <summary>
    /// Whether entry bundles holding ballots of a round whose announcement is not yet published are held back
    /// (<see cref="EntryEmbargo"/>). On by default: otherwise anyone could tally a round before it is announced. A show
    /// that publishes running counts anyway, or a test that recounts the served log while rounds are open, turns it off.
    /// </summary>
    public bool EmbargoEntries { get; set; } = true;
}
