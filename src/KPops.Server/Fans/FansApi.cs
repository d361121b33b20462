using KPops.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KPops.Server.Fans;

/// <summary>
/// Fans sign up and sign in with a one-time code sent to their e-mail address or phone, and get a voter token. The
/// code endpoint answers the same whether or not the address has an account, so it reveals nothing about who votes.
/// </summary>
public static class FansApi
{
    public static IEndpointRouteBuilder MapFansApi(this IEndpointRouteBuilder app)
    {
        var fans = app.MapGroup("/api/fans").WithTags("Fans").AllowAnonymous();
        fans.MapPost("/codes", SendCodeAsync)
            .RequireRateLimiting(FanExtensions.CodeRequestsPolicy)
            .WithName("SendFanCode")
            .WithSummary("Send a one-time code to an e-mail address or phone number (202, whether or not it has an account)");
        fans.MapPost("/verify", VerifyAsync)
            .WithName("VerifyFanCode")
            .WithSummary("Check a one-time code; creates the fan account on first verification and answers a voter token");
        return app;
    }

    internal static async Task<Results<Accepted, ProblemHttpResult>> SendCodeAsync(
        FanCodeRequest request, FanSignIn signIn, CancellationToken cancellationToken)
    {
        if (!FanAddress.TryNormalize(request.Email, request.Phone, out var address))
        {
            return AddressProblem();
        }

        await signIn.SendCodeAsync(address.Value, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    internal static async Task<Results<Ok<VoterTokenResponse>, ProblemHttpResult>> VerifyAsync(
        FanVerifyRequest request, FanSignIn signIn, VoterTokens tokens, CancellationToken cancellationToken)
    {
        if (!FanAddress.TryNormalize(request.Email, request.Phone, out var address))
        {
            return AddressProblem();
        }

        if (string.IsNullOrWhiteSpace(request.Code))
        {
            return Problem.BadRequest(ProblemCodes.BadRequest, "Send the code you received.");
        }

        var (check, fan, created) = await signIn.VerifyAsync(address.Value, request.Code.Trim(), cancellationToken);
        return check switch
        {
            CodeCheck.Verified => TypedResults.Ok(new VoterTokenResponse(
                "Bearer", tokens.Issue(fan!.Id, fan.VerifiedAt), (long)VoterTokens.Lifetime.TotalSeconds, created)),
            CodeCheck.Expired => Problem.BadRequest(ProblemCodes.CodeExpired, "The code has expired: ask for a new one."),
            CodeCheck.TooManyAttempts => Problem.Of(StatusCodes.Status429TooManyRequests, ProblemCodes.TooManyAttempts,
                "Too many wrong codes: ask for a new one."),
            _ => Problem.BadRequest(ProblemCodes.CodeInvalid, "The code is wrong or was already used."),
        };
    }

    private static ProblemHttpResult AddressProblem() => Problem.BadRequest(ProblemCodes.BadRequest,
        "Send exactly one of email (an e-mail address) or phone (international form, e.g. +82 10-1234-5678).");
}
