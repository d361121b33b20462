using KPops.Log;

namespace KPops.Cli.Commands;

/// <summary>Parses <c>kpops witness --log</c> values: <c>ORIGIN=KEY</c> or <c>KEY</c> (origin = key name), KEY being text or a file.</summary>
internal static class WitnessLogArguments
{
    public static Dictionary<string, IReadOnlyList<NoteVerifier>> Parse(IEnumerable<string> values)
    {
        var logs = new Dictionary<string, List<NoteVerifier>>(StringComparer.Ordinal);
        foreach (string value in values)
        {
            // A verifier key never contains '=' before its base64 part, so the first '=' ends an origin.
            int equals = value.IndexOf('=', StringComparison.Ordinal);
            int plus = value.IndexOf('+', StringComparison.Ordinal);
            bool hasOrigin = equals > 0 && (plus < 0 || equals < plus);
            string keyText = ReadKey(hasOrigin ? value[(equals + 1)..] : value);
            if (!NoteVerifier.TryParse(keyText, out NoteVerifier? verifier, out string? error))
            {
                throw new CliException($"--log {value}: not a log verifier key ({error}).");
            }

            string origin = hasOrigin ? value[..equals] : verifier.Name;
            if (!logs.TryGetValue(origin, out List<NoteVerifier>? keys))
            {
                logs[origin] = keys = [];
            }

            keys.Add(verifier);
        }

        if (logs.Count == 0)
        {
            throw new CliException("--log: name at least one log to witness (ORIGIN=VERIFIER_KEY).");
        }

        return logs.ToDictionary(log => log.Key, log => (IReadOnlyList<NoteVerifier>)log.Value, StringComparer.Ordinal);
    }

    private static string ReadKey(string value) =>
        File.Exists(value) ? File.ReadLines(value).FirstOrDefault(line => line.Trim().Length > 0)?.Trim() ?? string.Empty : value.Trim();
}
