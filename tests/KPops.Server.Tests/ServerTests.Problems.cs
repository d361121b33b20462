using System.Net;
using System.Text;
using KPops.Server.Tests.Infrastructure;

namespace KPops.Server.Tests;

public abstract partial class ServerTests<TFixture>
{
    [Fact]
    public async Task Unknown_path_is_a_not_found_problem()
    {
        using var response = await As(Role.Anonymous).GetAsync("/no/such/thing", TestContext.Current.CancellationToken);

        var problem = await Json.ProblemAsync(response);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (string?)problem["code"]);
        Assert.Equal(404, (int?)problem["status"]);
    }

    [Fact]
    public async Task Wrong_method_is_a_method_not_allowed_problem()
    {
        using var response = await As(Role.Producer).DeleteAsync("/api/staff/me", TestContext.Current.CancellationToken);

        var problem = await Json.ProblemAsync(response);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("method_not_allowed", (string?)problem["code"]);
    }

    [Fact]
    public async Task Body_that_is_not_json_is_an_unsupported_media_type_problem()
    {
        using var content = new StringContent("email=a&password=b", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await As(Role.Anonymous).PostAsync("/api/staff/login", content, TestContext.Current.CancellationToken);

        var problem = await Json.ProblemAsync(response);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_media_type", (string?)problem["code"]);
    }

    [Fact]
    public async Task Season_sent_as_text_is_an_unsupported_media_type_problem()
    {
        using var content = new StringContent(Json.NewSeason(out _), Encoding.UTF8, "text/plain");
        using var response = await As(Role.Producer).PostAsync("/api/seasons", content, TestContext.Current.CancellationToken);

        var problem = await Json.ProblemAsync(response);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported_media_type", (string?)problem["code"]);
    }

    [Fact]
    public async Task Malformed_json_body_is_a_bad_request_problem_that_says_why()
    {
        using var response = await As(Role.Anonymous).PostAsync("/api/staff/login", Json.Content("{\"email\": "), TestContext.Current.CancellationToken);

        var problem = await Json.ProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad_request", (string?)problem["code"]);
        Assert.Contains("StaffLoginRequest", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_credentials_are_an_unauthenticated_problem()
    {
        using var response = await As(Role.Anonymous).GetAsync("/api/staff/me", TestContext.Current.CancellationToken);

        var problem = await Json.ProblemAsync(response);
        Assert.Equal("unauthenticated", (string?)problem["code"]);
    }

    [Fact]
    public async Task Missing_role_is_a_forbidden_problem()
    {
        using var response = await As(Role.Mentor).PostAsync("/api/seasons", Json.Content(Json.NewSeason(out _)), TestContext.Current.CancellationToken);

        var problem = await Json.ProblemAsync(response);
        Assert.Equal("forbidden", (string?)problem["code"]);
    }

    [Fact]
    public async Task Unhandled_exception_is_an_internal_error_problem_that_reveals_nothing()
    {
        using var response = await As(Role.Anonymous).GetAsync(ServerFixture.ThrowingPath, TestContext.Current.CancellationToken);

        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var problem = await Json.ProblemAsync(response);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("internal_error", (string?)problem["code"]);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }
}
