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
}
