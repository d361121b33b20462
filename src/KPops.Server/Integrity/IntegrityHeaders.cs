namespace KPops.Server.Integrity;

/// <summary>Request headers of the ballot route that the integrity features read (see docs/integrity.md).</summary>
public static class IntegrityHeaders
{
    /// <summary>A stable random id the fan site keeps per browser or app install (e.g. in localStorage). Hashed, never logged.</summary>
    public const string Device = "X-KPops-Device";

    /// <summary>The challenge from <c>GET /api/rounds/{roundId}/challenge</c>.</summary>
    public const string PowChallenge = "X-KPops-Pow-Challenge";

    /// <summary>The nonce found for it (at most 64 characters).</summary>
    public const string PowNonce = "X-KPops-Pow-Nonce";

    /// <summary>The token the CAPTCHA widget produced.</summary>
    public const string Captcha = "X-KPops-Captcha";

    /// <summary>Longest device id read; longer ones are ignored.</summary>
    public const int MaxDeviceLength = 128;
}
