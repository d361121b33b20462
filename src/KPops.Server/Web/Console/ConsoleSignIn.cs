using KPops.Server.Problems;
using KPops.Server.Staff;
using KPops.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace KPops.Server.Web.Console;

/// <summary>What the sign-in page's form posts (<c>application/x-www-form-urlencoded</c>, with the anti-forgery field).</summary>
public sealed class ConsoleSignInForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    /// <summary>The authenticator (TOTP) code, once the account has two-factor sign-in.</summary>
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>
/// The console's form endpoints: <c>POST /console/account/signin</c> signs in with the staff Identity cookie by the same logic
/// as <c>POST /api/staff/login?useCookies=true</c> (lock-out, two-factor), then redirects; a refusal goes back to the
/// sign-in page with the problem's code. <c>POST /console/account/signout</c> ends the session. Both are plain HTML forms with
/// the anti-forgery token, so they work before any interactive circuit exists.
/// </summary>
public static class ConsoleSignIn
{
    public static IEndpointRouteBuilder MapConsoleSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost(ConsoleAuthentication.SignInFormPath, SignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(ConsoleAuthentication.SignOutPath, SignOutAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    internal static async Task<RedirectHttpResult> SignInAsync([FromForm] ConsoleSignInForm form, SignInManager<StaffUser> signIn)
    {
        string? code = string.IsNullOrWhiteSpace(form.Code) ? null : form.Code.Trim();
        var login = new StaffLoginRequest(form.Email?.Trim() ?? "", form.Password ?? "", code);
        var result = await StaffApi.LoginAsync(login, useCookies: true, signIn);
        if (result.Result is not ProblemHttpResult problem)
        {
            return TypedResults.LocalRedirect(ConsoleAuthentication.SafeReturnUrl(form.ReturnUrl));
        }

        string error = problem.ProblemDetails.Extensions.TryGetValue(Problem.CodeExtension, out var value) ? value?.ToString() ?? "" : "";
        var query = new Dictionary<string, string?> { ["error"] = error, ["email"] = login.Email };
        if (error is ProblemCodes.TwoFactorRequired or ProblemCodes.TwoFactorInvalidCode)
        {
            query["twoFactor"] = "1";
        }

        if (!string.IsNullOrEmpty(form.ReturnUrl))
        {
            query["returnUrl"] = ConsoleAuthentication.SafeReturnUrl(form.ReturnUrl);
        }

        return TypedResults.LocalRedirect(QueryHelpers.AddQueryString(ConsoleAuthentication.SignInPath, query));
    }

    /// <summary>Anonymous by design: signing out a session that has already ended is harmless, and the form needs the anti-forgery token anyway.</summary>
    internal static async Task<RedirectHttpResult> SignOutAsync([FromForm] ConsoleSignOutForm form, SignInManager<StaffUser> signIn)
    {
        _ = form;
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect(ConsoleAuthentication.SignInPath);
    }
}

/// <summary>The sign-out form carries only its anti-forgery field; binding a form is what makes the endpoint check it.</summary>
public sealed class ConsoleSignOutForm
{
    public string? Unused { get; set; }
}
