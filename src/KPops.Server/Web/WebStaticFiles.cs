using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace KPops.Server.Web;

/// <summary>
/// Serves <c>wwwroot</c> and Blazor's <c>_framework/blazor.web.js</c> from resources embedded in this assembly
/// (see KPops.Server.csproj): the server is a library hosted by <c>kpops</c> and by tests, none of which has a web
/// root or a static web assets manifest of its own, so the assets travel inside the assembly.
/// </summary>
internal static class WebStaticFiles
{
    /// <summary>Assets are not fingerprinted: an hour of caching keeps finale reloads cheap and updates prompt.</summary>
    private const string AssetCache = "public, max-age=3600";

    public static IFileProvider Provider { get; } = new EmbeddedFileProvider(typeof(WebStaticFiles).Assembly, "KPops.Server.wwwroot");

    public static StaticFileOptions Options() => new()
    {
        FileProvider = Provider,
        ContentTypeProvider = new FileExtensionContentTypeProvider(),
        OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = AssetCache,
    };
}
