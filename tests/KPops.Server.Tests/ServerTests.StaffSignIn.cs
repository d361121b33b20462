using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using KPops.Server.Staff;
using KPops.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace KPops.Server.Tests;

public abstract partial class ServerTests<TFixture>
{
    [Fact]
    public async Task Bearer_token_identifies_the_staff_member_and_their_role()
    {
        var me = await As(Role.Mentor).GetFromJsonAsync<StaffProfile>("/api/staff/me", TestContext.Current.CancellationToken);

        Assert.Equal(ServerFixture.EmailOf(Role.Mentor), me!.Email);
        Assert.Equal(["mentor"], me.Roles);
        Assert.False(me.TwoFactorEnabled);
    }

    [Fact]
    public async Task Wrong_password_is_refused_as_invalid_credentials()
    {
        using var response = await Fixture.CreateClient().PostAsJsonAsync("/api/staff/login",
            new { email = ServerFixture.EmailOf(Role.Producer), password = "not-the-password" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_credentials", (string?)(await Json.ProblemAsync(response))["code"]);
    }

    [Fact]
    public async Task Refresh_token_buys_a_working_bearer_token()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Fixture.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/staff/login", new { email = ServerFixture.EmailOf(Role.Auditor), password = ServerFixture.Password }, ct);
        var tokens = await login.Content.ReadFromJsonAsync<ServerFixture.TokenResponse>(ct);

        using var refresh = await client.PostAsJsonAsync("/api/staff/refresh", new { refreshToken = tokens!.RefreshToken }, ct);
        var renewed = await refresh.Content.ReadFromJsonAsync<ServerFixture.TokenResponse>(ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", renewed!.AccessToken);
        using var me = await client.GetAsync("/api/staff/me", ct);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Cookie_session_must_send_the_antiforgery_token_to_change_anything()
    {
        var ct = TestContext.Current.CancellationToken;
        using var browser = Fixture.CreateClient();
        using var login = await browser.PostAsJsonAsync("/api/staff/login?useCookies=true",
            new { email = ServerFixture.EmailOf(Role.Producer), password = ServerFixture.Password }, ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        using var me = await browser.GetAsync("/api/staff/me", ct);
        using var forged = await browser.PostAsync("/api/seasons", Json.Content(Json.NewSeason(out _)), ct);
        var token = await browser.GetFromJsonAsync<AntiforgeryToken>("/api/staff/antiforgery", ct);
        using var genuine = new HttpRequestMessage(HttpMethod.Post, "/api/seasons") { Content = Json.Content(Json.NewSeason(out _)) };
        genuine.Headers.Add(token!.HeaderName, token.Token);
        using var accepted = await browser.SendAsync(genuine, ct);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("antiforgery_failed", (string?)(await Json.ProblemAsync(forged))["code"]);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task Two_factor_once_confirmed_is_required_at_sign_in()
    {
        var ct = TestContext.Current.CancellationToken;
        string email = $"totp-{Guid.NewGuid():N}@tests.kpops.localhost";
        await using (var scope = Fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(email, StaffRoles.Mentor, ServerFixture.Password);
        }

        using var staff = await Fixture.BearerClientAsync(email, ServerFixture.Password);
        using var begin = await staff.PostAsync("/api/staff/me/two-factor", null, ct);
        var setup = await begin.Content.ReadFromJsonAsync<TwoFactorSetup>(ct);
        var authenticator = new Totp(Base32Encoding.ToBytes(setup!.SharedKey));
        using var confirm = await staff.PostAsJsonAsync("/api/staff/me/two-factor/confirm", new { code = authenticator.ComputeTotp() }, ct);
        var recovery = await confirm.Content.ReadFromJsonAsync<TwoFactorEnabled>(ct);

        using var anonymous = Fixture.CreateClient();
        using var withoutCode = await anonymous.PostAsJsonAsync("/api/staff/login", new { email, password = ServerFixture.Password }, ct);
        using var withWrongCode = await anonymous.PostAsJsonAsync("/api/staff/login",
            new { email, password = ServerFixture.Password, twoFactorCode = WrongCode(authenticator.ComputeTotp()) }, ct);
        using var withCode = await anonymous.PostAsJsonAsync("/api/staff/login",
            new { email, password = ServerFixture.Password, twoFactorCode = authenticator.ComputeTotp() }, ct);

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(10, recovery!.RecoveryCodes.Count);
        Assert.StartsWith("otpauth://totp/KPops:", setup.AuthenticatorUri, StringComparison.Ordinal);
        Assert.Equal("two_factor_required", (string?)(await Json.ProblemAsync(withoutCode))["code"]);
        Assert.Equal("two_factor_invalid_code", (string?)(await Json.ProblemAsync(withWrongCode))["code"]);
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    private static string WrongCode(string code) => ((int.Parse(code) + 1) % 1_000_000).ToString("D6");
}
