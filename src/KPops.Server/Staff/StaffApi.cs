using System.Security.Claims;
using System.Text.Encodings.Web;
using KPops.Server.Problems;
using KPops.Server.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace KPops.Server.Staff;

/// <summary>
/// Staff sign-in and the signed-in member's own account under <c>/api/staff</c>. Sign-in gives a bearer token
/// (API clients) or, with <c>?useCookies=true</c>, a cookie session (the console), whose state-changing requests
/// must carry the anti-forgery token.
/// </summary>
public static class StaffApi
{
    private const string Issuer = "KPops";

    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var anonymous = app.MapGroup("/api/staff").WithTags("Staff").AllowAnonymous();
        anonymous.MapPost("/login", LoginAsync)
            .WithName("StaffLogin")
            .WithSummary("Sign in with e-mail, password and (if enabled) a two-factor code")
            .Produces<AccessTokenResponse>();
        anonymous.MapPost("/refresh", RefreshAsync)
            .WithName("StaffRefresh")
            .WithSummary("Trade a refresh token for a new bearer token")
            .Produces<AccessTokenResponse>();

        var staff = app.MapGroup("/api/staff").WithTags("Staff").RequireStaff(StaffPolicies.Staff);
        staff.MapGet("/me", GetMeAsync).WithName("GetStaffMe").WithSummary("The signed-in staff member");
        staff.MapGet("/antiforgery", GetAntiforgeryToken)
            .WithName("GetStaffAntiforgeryToken")
            .WithSummary("The anti-forgery token cookie sessions send with state-changing requests");
        staff.MapPost("/logout", LogoutAsync).WithName("StaffLogout").WithSummary("End a cookie session");
        staff.MapPost("/me/two-factor", BeginTwoFactorAsync)
            .WithName("BeginStaffTwoFactor")
            .WithSummary("Create an authenticator key (two-factor stays off until a code is confirmed)");
        staff.MapPost("/me/two-factor/confirm", ConfirmTwoFactorAsync)
            .WithName("ConfirmStaffTwoFactor")
            .WithSummary("Turn two-factor on with a code from the authenticator; returns recovery codes");

        app.MapGroup("/api/staff").WithTags("Staff").RequireStaff(StaffPolicies.Auditor)
            .MapGet("/", ListStaffAsync)
            .WithName("ListStaff")
            .WithSummary("Every staff account and its roles (producers and auditors)");
        return app;
    }

    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        StaffLoginRequest login, [FromQuery] bool? useCookies, SignInManager<StaffUser> signIn)
    {
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        SignInResult result = await signIn.PasswordSignInAsync(login.Email, login.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (!string.IsNullOrEmpty(login.TwoFactorCode))
            {
                result = await signIn.TwoFactorAuthenticatorSignInAsync(login.TwoFactorCode, isPersistent: false, rememberClient: false);
            }
            else if (!string.IsNullOrEmpty(login.TwoFactorRecoveryCode))
            {
                result = await signIn.TwoFactorRecoveryCodeSignInAsync(login.TwoFactorRecoveryCode);
            }
            else
            {
                return Problem.Unauthorized(ProblemCodes.TwoFactorRequired, "This account needs a two-factor code.");
            }

            if (!result.Succeeded && !result.IsLockedOut)
            {
                return Problem.Unauthorized(ProblemCodes.TwoFactorInvalidCode, "The two-factor code is wrong or expired.");
            }
        }

        if (result.IsLockedOut)
        {
            return Problem.Unauthorized(ProblemCodes.LockedOut, "Too many failed sign-ins; try again later.");
        }

        // On success the sign-in manager has already written the bearer token or the cookie.
        return result.Succeeded
            ? TypedResults.Empty
            : Problem.Unauthorized(ProblemCodes.InvalidCredentials, "Wrong e-mail or password.");
    }

    internal static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(
        StaffRefreshRequest refresh, SignInManager<StaffUser> signIn, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time)
    {
        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(refresh.RefreshToken);
        if (ticket?.Properties?.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return Problem.Unauthorized(ProblemCodes.InvalidCredentials, "The refresh token is invalid or expired.");
        }

        ClaimsPrincipal principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    internal static async Task<Results<Ok<StaffProfile>, UnauthorizedHttpResult>> GetMeAsync(ClaimsPrincipal principal, UserManager<StaffUser> users)
    {
        StaffUser? user = await users.GetUserAsync(principal);
        return user is null ? TypedResults.Unauthorized() : TypedResults.Ok(await ProfileAsync(user, users));
    }

    internal static Ok<AntiforgeryToken> GetAntiforgeryToken(IAntiforgery antiforgery, HttpContext context)
    {
        AntiforgeryTokenSet tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryToken(tokens.HeaderName!, tokens.RequestToken!));
    }

    internal static async Task<NoContent> LogoutAsync(SignInManager<StaffUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<TwoFactorSetup>, ProblemHttpResult, UnauthorizedHttpResult>> BeginTwoFactorAsync(
        ClaimsPrincipal principal, UserManager<StaffUser> users)
    {
        StaffUser? user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return Problem.Conflict(ProblemCodes.TwoFactorAlreadyEnabled, "Two-factor sign-in is already on for this account.");
        }

        await users.ResetAuthenticatorKeyAsync(user);
        string key = (await users.GetAuthenticatorKeyAsync(user))!;
        string email = user.Email!;
        string uri = $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(email)}?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6";
        return TypedResults.Ok(new TwoFactorSetup(key, uri));
    }

    internal static async Task<Results<Ok<TwoFactorEnabled>, ProblemHttpResult, UnauthorizedHttpResult>> ConfirmTwoFactorAsync(
        TwoFactorConfirmRequest confirm, ClaimsPrincipal principal, UserManager<StaffUser> users)
    {
        StaffUser? user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        bool valid = await users.GetAuthenticatorKeyAsync(user) is not null
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, confirm.Code);
        if (!valid)
        {
            return Problem.BadRequest(ProblemCodes.TwoFactorInvalidCode, "The code does not match the authenticator key; start again with POST /api/staff/me/two-factor if needed.");
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        IEnumerable<string>? codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        return TypedResults.Ok(new TwoFactorEnabled(codes?.ToArray() ?? []));
    }

    internal static async Task<Ok<StaffProfile[]>> ListStaffAsync(UserManager<StaffUser> users)
    {
        var profiles = new List<StaffProfile>();
        foreach (StaffUser user in await users.Users.OrderBy(u => u.Email).ToListAsync())
        {
            profiles.Add(await ProfileAsync(user, users));
        }

        return TypedResults.Ok(profiles.ToArray());
    }

    private static async Task<StaffProfile> ProfileAsync(StaffUser user, UserManager<StaffUser> users) =>
        new(user.Id, user.Email!, [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)], user.TwoFactorEnabled);
}
