namespace KPops.Server.Staff;

/// <summary>The staff roles (Identity role names). A staff member may hold several.</summary>
public static class StaffRoles
{
    /// <summary>The show's PDs: load seasons, run rounds, see live counts, publish announcements.</summary>
    public const string Producer = "producer";

    /// <summary>Mentors and judges: grade trainees and score missions.</summary>
    public const string Mentor = "mentor";

    /// <summary>Independent auditors: read who has access and, after announcements, everything the public log backs.</summary>
    public const string Auditor = "auditor";

    public static IReadOnlyList<string> All { get; } = [Producer, Mentor, Auditor];

    public static bool IsRole(string name) => All.Contains(name, StringComparer.Ordinal);
}

/// <summary>The authorization policies staff endpoints declare; each is satisfied by the roles its doc names.</summary>
public static class StaffPolicies
{
    /// <summary>Any staff role.</summary>
    public const string Staff = "Staff";

    /// <summary>Role <c>producer</c>.</summary>
    public const string Producer = "Producer";

    /// <summary>Role <c>mentor</c> or <c>producer</c> (producers may enter grades on a mentor's behalf).</summary>
    public const string Mentor = "Mentor";

    /// <summary>Role <c>auditor</c> or <c>producer</c>.</summary>
    public const string Auditor = "Auditor";
}
