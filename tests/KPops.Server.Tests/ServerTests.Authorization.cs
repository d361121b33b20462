using KPops.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Tests;

public abstract partial class ServerTests<TFixture>
{
    [Theory]
    [MemberData(nameof(AuthorizationMatrix.Cases), MemberType = typeof(AuthorizationMatrix))]
    public async Task Staff_endpoint_answers_each_role_as_the_matrix_says(string method, string route, Role role)
    {
        var row = AuthorizationMatrix.Find(method, route);
        using var request = new HttpRequestMessage(new HttpMethod(method), row.Path);
        if (row.Body is not null)
        {
            request.Content = Json.Content(row.Body == AuthorizationMatrix.SeasonBody ? Json.NewSeason(out _) : row.Body);
        }

        using var response = await As(role).SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(row.Expected(role), (int)response.StatusCode);
    }

    [Fact]
    public void Every_endpoint_is_classified_for_authorization()
    {
        var staff = AuthorizationMatrix.Staff.Select(row => $"{row.Method} {row.Route}").ToHashSet();
        var unclassified = new List<string>();
        foreach (var endpoint in Fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            bool requiresAuthorization = endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null
                && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
            foreach (string method in methods.Where(m => m != "HEAD"))
            {
                string name = $"{method} {endpoint.RoutePattern.RawText}";
                bool classified = requiresAuthorization ? staff.Contains(name) : AuthorizationMatrix.Public.Contains(name);
                if (!classified)
                {
                    unclassified.Add($"{name} (requires authorization: {requiresAuthorization})");
                }
            }
        }

        Assert.Empty(unclassified);
    }
}
