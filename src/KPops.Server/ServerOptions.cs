using System.ComponentModel.DataAnnotations;

namespace KPops.Server;

/// <summary>
/// The server's own settings, section <c>KPops</c> of the configuration (appsettings.json, environment variables
/// such as <c>KPops__DataDirectory</c>, or the <c>--data</c> flag). Checked when the server starts: a bad value
/// stops it with a message naming the setting.
/// </summary>
public sealed class ServerOptions
{
    public const string Section = "KPops";

    /// <summary>
    /// Where the server keeps what it owns on disk: the SQLite database (<c>kpops.db</c>, unless PostgreSQL is
    /// configured), the vote log (<c>log/</c>), the log's signer key (<c>log-signer.key</c>, readable by the
    /// owner only) and the keys that protect sessions (<c>keys/</c>). Created on first start. Relative paths are
    /// resolved against the working directory. Back this directory up; losing the signer key means a new log.
    /// </summary>
    [Required]
    [MinLength(1)]
    public string DataDirectory { get; set; } = "kpops-data";

    /// <summary>Largest season file, in bytes, that <c>POST /api/seasons</c> accepts (default 4 MiB).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxSeasonFileBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How many one-time code requests (<c>POST /api/fans/codes</c>) one client address may make per minute.</summary>
    [Range(1, 100_000)]
    public int FanCodeRequestsPerMinute { get; set; } = 5;

    /// <summary>
    /// Largest request body, in bytes, any endpoint accepts unless it declares its own limit (default 1 MiB): the
    /// server's <c>MaxRequestBodySize</c>. Endpoints with their own limit: ballots (4 KiB), partner batches
    /// (<see cref="PartnerMaxBatchBytes"/>) and season files (<see cref="MaxSeasonFileBytes"/>).
    /// </summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How many ballot requests (<c>POST /api/rounds/{roundId}/ballots</c>) one account may make per minute (default
    /// 30; 0 turns the limit off). A fan casts one ballot per period: the rest is room for retries.
    /// </summary>
    [Range(0, 10_000_000)]
    public int BallotsPerAccountPerMinute { get; set; } = 30;

    /// <summary>
    /// How many ballot requests one client address may make per minute, whatever the account (default 1,200; 0 turns
    /// the limit off). Generous, because carrier-grade NAT puts many fans behind one address.
    /// </summary>
    [Range(0, 10_000_000)]
    public int BallotsPerAddressPerMinute { get; set; } = 1200;

    /// <summary>Most ballots one partner batch may hold (default 10,000); more is 413.</summary>
    [Range(1, 100_000)]
    public int PartnerMaxBallotsPerBatch { get; set; } = 10_000;

    /// <summary>Largest partner batch body, in bytes (default 4 MiB); more is 413.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int PartnerMaxBatchBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How far a partner request's timestamp may be from the server's clock, in seconds (default 300).</summary>
    [Range(1, 3600)]
    public int PartnerMaxClockSkewSeconds { get; set; } = 300;
}
