using System.CommandLine;
using System.Globalization;

namespace KPops.Cli;

/// <summary>Options that take a positive whole number, with one clear message for anything else.</summary>
internal static class CountOptions
{
    public static Option<int> Positive(string name, string helpName, string description, int defaultValue) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse(name, result.Tokens, result.AddError) ?? defaultValue,
        };

    public static Option<int?> Positive(string name, string helpName, string description) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result => Parse(name, result.Tokens, result.AddError),
        };

    private static int? Parse(string name, IReadOnlyList<System.CommandLine.Parsing.Token> tokens, Action<string> addError)
    {
        if (tokens.Count == 1 && int.TryParse(tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        addError($"{name} takes a positive whole number, not '{string.Join(' ', tokens.Select(t => t.Value))}'.");
        return null;
    }
}
