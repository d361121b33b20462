using System.ComponentModel.DataAnnotations;

namespace KPops.Server.Integrity;

/// <summary>
/// <c>KPops:Integrity</c>: the streaming anti-abuse detectors' thresholds, and the optional proof-of-work and CAPTCHA
/// gates on the ballot route (both off by default). See docs/integrity.md for what each threshold means.
/// </summary>
public sealed class IntegrityOptions : IValidatableObject
{
    public const string Section = "KPops:Integrity";

    /// <summary>Accepted ballots waiting for the detectors; beyond it observations are dropped (and counted), never the ballot.</summary>
    [Range(1024, 10_000_000)]
    public int ObservationQueueCapacity { get; set; } = 65_536;

    /// <summary>Alerts kept for review; beyond it the oldest decided alerts are forgotten first.</summary>
    [Range(16, 1_000_000)]
    public int MaxAlerts { get; set; } = 10_000;

    /// <summary>Keys (networks, devices, voters, cohorts) each detector tracks at most; bounded memory under any load.</summary>
    [Range(64, 10_000_000)]
    public int MaxTrackedKeys { get; set; } = 200_000;

    [Required]
    public NetworkBurstOptions NetworkBurst { get; set; } = new();

    [Required]
    public DeviceBurstOptions DeviceBurst { get; set; } = new();

    [Required]
    public CohortOptions Cohort { get; set; } = new();

    [Required]
    public RegularTimingOptions RegularTiming { get; set; } = new();

    [Required]
    public ProofOfWorkOptions ProofOfWork { get; set; } = new();

    [Required]
    public CaptchaOptions Captcha { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        foreach (var (name, part) in new (string, object?)[]
        {
            (nameof(NetworkBurst), NetworkBurst), (nameof(DeviceBurst), DeviceBurst), (nameof(Cohort), Cohort),
            (nameof(RegularTiming), RegularTiming), (nameof(ProofOfWork), ProofOfWork), (nameof(Captcha), Captcha),
        })
        {
            if (part is null)
            {
                results.Add(new ValidationResult($"{name} is required.", [name]));
                continue;
            }

            var inner = new List<ValidationResult>();
            Validator.TryValidateObject(part, new ValidationContext(part), inner, validateAllProperties: true);
            results.AddRange(inner.Select(r => new ValidationResult($"{name}: {r.ErrorMessage}", r.MemberNames.Select(m => $"{name}:{m}"))));
        }

        if (Captcha is { Enabled: true } captcha
            && (captcha.VerifyUrl is not { IsAbsoluteUri: true } url || url.Scheme is not ("https" or "http") || string.IsNullOrEmpty(captcha.Secret)))
        {
            results.Add(new ValidationResult("Captcha:Enabled requires Captcha:VerifyUrl (an http(s) URL) and Captcha:Secret.", ["Captcha"]));
        }

        return results;
    }
}

/// <summary>Many ballots from one client network (/24 IPv4, /48 IPv6) in a short window.</summary>
public sealed class NetworkBurstOptions
{
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Ballots from one network within the window that raise an alert.</summary>
    [Range(2, 10_000_000)]
    public int MaxBallots { get; set; } = 120;
}

/// <summary>Many accounts voting from one device (the fan site's <c>X-KPops-Device</c> id).</summary>
public sealed class DeviceBurstOptions
{
    [Range(1, 604_800)]
    public int WindowSeconds { get; set; } = 3_600;

    /// <summary>Distinct voters on one device within the window that raise an alert (a family shares a tablet).</summary>
    [Range(2, 10_000)]
    public int MaxVoters { get; set; } = 5;
}

/// <summary>Accounts created in the same minute that vote identically.</summary>
public sealed class CohortOptions
{
    /// <summary>How long after its creation minute a cohort is watched.</summary>
    [Range(60, 30 * 86_400)]
    public int WindowSeconds { get; set; } = 86_400;

    /// <summary>Voters of one creation minute with the same picks (in one round) that raise an alert.</summary>
    [Range(2, 1_000_000)]
    public int MinIdenticalVoters { get; set; } = 20;

    /// <summary>…and the share of that cohort's voters in the round they make up (an honest sign-up surge splits its picks).</summary>
    [Range(0.0, 1.0)]
    public double MinIdenticalShare { get; set; } = 0.8;
}

/// <summary>Ballots whose inter-arrival times are too regular for people (per voter and per network).</summary>
public sealed class RegularTimingOptions
{
    /// <summary>Intervals needed before judging (a daily voter needs this many days).</summary>
    [Range(3, 1024)]
    public int MinIntervals { get; set; } = 12;

    /// <summary>Coefficient of variation (standard deviation / mean of the intervals) below which timing is machine-like.</summary>
    [Range(0.0, 1.0)]
    public double MaxCoefficientOfVariation { get; set; } = 0.02;

    /// <summary>Intervals shorter than this (ms) are not judged: bursts are the burst detectors' job.</summary>
    [Range(0, 86_400_000)]
    public int MinMeanIntervalMs { get; set; } = 200;
}

/// <summary>A proof-of-work stamp per ballot (as Big Brother Brasil uses). Off by default.</summary>
public sealed class ProofOfWorkOptions
{
    public bool Enabled { get; set; }

    /// <summary>Leading zero bits the SHA-256 of challenge and nonce must have (16 ≈ 65,000 hashes, well under a second in a browser).</summary>
    [Range(1, 32)]
    public int DifficultyBits { get; set; } = 16;

    [Range(10, 3_600)]
    public int ChallengeLifetimeSeconds { get; set; } = 120;
}

/// <summary>A CAPTCHA token per ballot, checked with a siteverify endpoint (Cloudflare Turnstile, hCaptcha, reCAPTCHA). Off by default.</summary>
public sealed class CaptchaOptions
{
    public bool Enabled { get; set; }

    /// <summary>The provider's siteverify URL, e.g. https://challenges.cloudflare.com/turnstile/v0/siteverify.</summary>
    public Uri? VerifyUrl { get; set; }

    /// <summary>The site's secret key; never logged.</summary>
    public string? Secret { get; set; }

    [Range(1, 60)]
    public int TimeoutSeconds { get; set; } = 5;
}
