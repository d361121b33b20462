using System.ComponentModel.DataAnnotations;

namespace KPops.Server.Witnesses;

/// <summary>
/// The witnesses the server asks to cosign its checkpoints, section <c>KPops:Witnesses</c>. Empty by default: a log
/// without witnesses still works, but only auditors who keep state can catch a split view.
/// </summary>
public sealed class WitnessOptions
{
    public const string Section = "KPops:Witnesses";

    /// <summary>
    /// Each witness: <c>Url</c>, its tlog-witness submission prefix (the server POSTs to <c>&lt;Url&gt;/add-checkpoint</c>),
    /// and <c>Key</c>, its cosignature verifier key (<c>name+id+base64(0x04 ‖ key)</c>, as <c>kpops witness key</c> prints it).
    /// Configure as <c>KPops:Witnesses:Servers:0:Url</c>, <c>KPops:Witnesses:Servers:0:Key</c>, and so on.
    /// </summary>
    public List<WitnessServerOptions> Servers { get; init; } = [];

    /// <summary>
    /// The least time, in milliseconds, between two submissions to one witness. The checkpoint moves with every ballot
    /// batch; witnesses see at most one checkpoint per interval, the latest.
    /// </summary>
    [Range(100, 3_600_000)]
    public int SubmitIntervalMilliseconds { get; set; } = 1000;

    /// <summary>How long to wait for a witness's answer, in seconds, before trying again at the next interval.</summary>
    [Range(1, 300)]
    public int RequestTimeoutSeconds { get; set; } = 10;
}

/// <summary>One witness the server submits checkpoints to.</summary>
public sealed class WitnessServerOptions
{
    /// <summary>The witness's submission prefix, an absolute http(s) URL.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The witness's cosignature verifier key.</summary>
    public string Key { get; set; } = string.Empty;
}
