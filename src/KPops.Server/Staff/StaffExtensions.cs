using KPops.Server.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Staff;

public static class StaffExtensions
{
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";

    /// <summary>
    /// Staff accounts on ASP.NET Core Identity: passwords (12 characters or more, lock-out after 5 failures),
    /// optional authenticator (TOTP) codes, bearer tokens and cookie sessions, and the role policies.
    /// </summary>
    public static IServiceCollection AddKPopsStaff(this IServiceCollection services)
    {
        services.AddIdentityApiEndpoints<StaffUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): generated passwords are 20 random characters.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<KPopsDbContext>();

        services.AddAntiforgery(options => options.HeaderName = AntiforgeryHeader);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, policy => policy.RequireRole(StaffRoles.All))
            .AddPolicy(StaffPolicies.Producer, policy => policy.RequireRole(StaffRoles.Producer))
            .AddPolicy(StaffPolicies.Mentor, policy => policy.RequireRole(StaffRoles.Mentor, StaffRoles.Producer))
            .AddPolicy(StaffPolicies.Auditor, policy => policy.RequireRole(StaffRoles.Auditor, StaffRoles.Producer));
        services.AddScoped<StaffAccounts>();
        return services;
    }

    /// <summary>Requires <paramref name="policy"/> on every endpoint of the group, and anti-forgery for cookie sessions.</summary>
    public static RouteGroupBuilder RequireStaff(this RouteGroupBuilder group, string policy)
    {
        group.RequireAuthorization(policy).AddEndpointFilter<CookieAntiforgeryFilter>();
        return group;
    }
}
