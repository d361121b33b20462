using KPops.Log;
using Microsoft.Extensions.Options;

namespace KPops.Server.Witnesses;

/// <summary>Checks every configured witness at start-up, so a typo in a URL or key stops the server naming the setting.</summary>
internal sealed class WitnessOptionsValidator : IValidateOptions<WitnessOptions>
{
    public ValidateOptionsResult Validate(string? name, WitnessOptions options)
    {
        var failures = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < options.Servers.Count; i++)
        {
            var server = options.Servers[i];
            string setting = $"{WitnessOptions.Section}:Servers:{i}";
            if (!Uri.TryCreate(server.Url, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"{setting}:Url must be an absolute http(s) URL (the witness's submission prefix), not '{server.Url}'.");
            }

            if (!CosignatureVerifier.TryParse(server.Key, out CosignatureVerifier? key, out string? error))
            {
                failures.Add($"{setting}:Key is not a witness cosignature key: {error}.");
            }
            else if (!keys.Add(key.KeyText))
            {
                failures.Add($"{setting}:Key names the same witness as an earlier entry.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
