using KPops.Server.Problems;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KPops.Server.Staff;

/// <summary>
/// Cookie sessions are sent by the browser on their own, so a state-changing request that authenticates by
/// cookie must also prove it came from our console by carrying the anti-forgery token. Bearer requests carry
/// their credential explicitly and need no such proof.
/// </summary>
internal sealed class CookieAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await RefuseAsync(context.HttpContext, antiforgery) ?? await next(context);

    /// <summary>The 400 for a state-changing cookie request without a valid anti-forgery token; null otherwise.</summary>
    public static async ValueTask<ProblemHttpResult?> RefuseAsync(HttpContext http, IAntiforgery antiforgery)
    {
        bool bySafeMethod = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method);
        // The header first: a request that carries its credential (every voter-token ballot) never touches the
        // principal, which the voter ballot lane does not build.
        bool byCookie = string.IsNullOrEmpty(http.Request.Headers.Authorization) && http.User.Identity?.IsAuthenticated == true;
        if (!bySafeMethod && byCookie && !await antiforgery.IsRequestValidAsync(http))
        {
            return Problem.BadRequest(ProblemCodes.AntiforgeryFailed,
                "A cookie session must send the anti-forgery token from GET /api/staff/antiforgery in the X-XSRF-TOKEN header.");
        }

        return null;
    }
}
