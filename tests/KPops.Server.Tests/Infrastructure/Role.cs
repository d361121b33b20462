namespace KPops.Server.Tests.Infrastructure;

/// <summary>
/// Who sends a request in the authorization matrix. A fan is a signed-in Identity account that holds no staff role; a
/// voter is a fan signed up by one-time code, sending its voter token.
/// </summary>
public enum Role
{
    Anonymous,
    Fan,
    Mentor,
    Producer,
    Auditor,
    Voter,
}
