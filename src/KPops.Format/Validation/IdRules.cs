using System.Text.RegularExpressions;

namespace KPops.Format.Validation;

/// <summary>
/// Ids travel in ballots, URLs and the public vote log, so they are kept to characters that need no escaping
/// anywhere; the season id, which names files and directories, is stricter still.
/// </summary>
internal static partial class IdRules
{
    public const int MaxLength = 64;

    /// <summary>Reports a malformed id; returns whether it is well-formed.</summary>
    public static bool CheckId(SeasonCheck check, string path, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            check.Add(path, "must not be empty");
            return false;
        }

        if (id.Length > MaxLength || !EntityId().IsMatch(id))
        {
            check.Add(path, $"\"{id}\" must be 1–{MaxLength} letters, digits, '-' or '_', starting with a letter or digit");
            return false;
        }

        return true;
    }

    public static void CheckSeasonId(SeasonCheck check, string path, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            check.Add(path, "must not be empty");
        }
        else if (id.Length > MaxLength || !SeasonId().IsMatch(id))
        {
            check.Add(path, $"\"{id}\" must be lowercase letters, digits and single dashes, e.g. boys-planet");
        }
    }

    /// <summary>
    /// Checks each item's id and reports repeats, naming where the id was first used. <paramref name="idPath"/>
    /// is the property holding the id ("id", "label").
    /// </summary>
    public static void CheckUnique<T>(SeasonCheck check, string listPath, IReadOnlyList<T> items, Func<T, string?> id, string idPath = "id", bool wellFormed = true)
        where T : class
    {
        var firstAt = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                continue;
            }

            var path = $"{listPath}[{i}].{idPath}";
            var value = id(items[i]);
            if (wellFormed && !CheckId(check, path, value))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                check.Add(path, "must not be empty");
                continue;
            }

            if (!firstAt.TryAdd(value, i))
            {
                check.Add(path, $"duplicate {idPath} \"{value}\", first used at {listPath}[{firstAt[value]}]");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex EntityId();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SeasonId();
}
