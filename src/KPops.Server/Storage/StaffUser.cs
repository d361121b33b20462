using Microsoft.AspNetCore.Identity;

namespace KPops.Server.Storage;

/// <summary>A member of the show's staff (producer, mentor or auditor): an Identity user whose user name is their e-mail.</summary>
public sealed class StaffUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
}
