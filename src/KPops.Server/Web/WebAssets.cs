using Microsoft.AspNetCore.Http;

namespace KPops.Server.Web;

/// <summary>Where the web front end's shared assets live, and which paths render interactively.</summary>
public static class WebAssets
{
    public const string SiteCss = "/css/site.css";

    /// <summary>Progressive enhancement for every public page (local times, countdowns); pages work without it.</summary>
    public const string SiteScript = "/js/site.js";

    /// <summary>Blazor's script: only interactive pages (console, reveal) load it.</summary>
    public const string BlazorScript = "/_framework/blazor.web.js";

    /// <summary>Path prefixes whose pages use interactive server rendering (and so need <see cref="BlazorScript"/>).</summary>
    public static IReadOnlyList<PathString> InteractivePrefixes { get; } = [new("/console"), new("/reveal")];

    public static bool IsInteractivePath(PathString path)
    {
        foreach (var prefix in InteractivePrefixes)
        {
            if (path.StartsWithSegments(prefix))
            {
                return true;
            }
        }

        return false;
    }
}
