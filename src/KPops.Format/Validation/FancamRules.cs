using KPops.Format.Model;

namespace KPops.Format.Validation;

/// <summary>
/// A trainee's fancam links. The fan site puts them in front of every visitor as links, so only absolute
/// <c>https://</c> addresses pass: no <c>javascript:</c> or <c>data:</c> URLs, no plain HTTP, no relative paths that
/// would land on the site itself, no user name or password that disguises where a link goes.
/// </summary>
internal static class FancamRules
{
    /// <summary>More than a page of videos per trainee is a mistake in the file (a list pasted twice), not a profile.</summary>
    public const int MaxPerTrainee = 20;

    /// <summary>Browsers and video sites handle addresses far longer, but a real fancam link is under 200 characters.</summary>
    public const int MaxUrlLength = 2048;

    public const int MaxTitleLength = 200;

    public static void Check(SeasonCheck check, string traineePath, IReadOnlyList<Fancam>? fancams)
    {
        if (fancams is null)
        {
            return;
        }

        var listPath = $"{traineePath}.fancams";
        if (fancams.Count > MaxPerTrainee)
        {
            check.Add(listPath, $"at most {MaxPerTrainee} fancams per trainee; this one lists {fancams.Count}");
        }

        foreach (var (fancam, _, path) in NullItems.Each(check, listPath, fancams))
        {
            CheckUrl(check, $"{path}.url", fancam.Url);
            if (fancam.Title is { } title)
            {
                SeasonRules.CheckName(check, $"{path}.title", title);
                CheckLength(check, $"{path}.title.ko", title.Ko);
                CheckLength(check, $"{path}.title.en", title.En);
            }
        }

        // Also reports an empty url; a repeated link is a copy-paste slip.
        IdRules.CheckUnique(check, listPath, fancams, f => f.Url, idPath: "url", wellFormed: false);
    }

    private static void CheckUrl(SeasonCheck check, string path, string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        if (url.Length > MaxUrlLength)
        {
            check.Add(path, $"must be at most {MaxUrlLength} characters");
        }
        else if (!IsAbsoluteHttps(url, out var uri))
        {
            check.Add(path, $"\"{url}\" must be an absolute https:// URL, e.g. https://www.youtube.com/watch?v=…");
        }
        else if (uri.UserInfo.Length > 0)
        {
            check.Add(path, $"\"{url}\" must not contain a user name or password");
        }
    }

    /// <summary>
    /// True when <paramref name="url"/> is a link this validator admits — absolute https, a host, no user name or
    /// password, no whitespace or control characters — with its parsed form. Behind Fancam.TryGetSafeUri.
    /// </summary>
    public static bool IsSafeLink(string? url, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri)
    {
        uri = null;
        if (url is null || !IsAbsoluteHttps(url, out var parsed) || parsed.UserInfo.Length > 0)
        {
            return false;
        }

        uri = parsed;
        return true;
    }

    private static bool IsAbsoluteHttps(string url, out Uri uri)
    {
        uri = null!;
        // Uri would quietly trim or escape spaces and control characters; a link in a season file has none.
        foreach (var c in url)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            && Uri.TryCreate(url, UriKind.Absolute, out uri!)
            && uri.Scheme == Uri.UriSchemeHttps
            && uri.Host.Length > 0;
    }

    private static void CheckLength(SeasonCheck check, string path, string? text)
    {
        if (text is { Length: > MaxTitleLength })
        {
            check.Add(path, $"must be at most {MaxTitleLength} characters");
        }
    }
}
