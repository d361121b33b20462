namespace KPops.Server.Tests.Infrastructure;

/// <summary>Who sends a request in the authorization matrix. A fan is a signed-in account that holds no staff role.</summary>
public enum Role
{
    Anonymous,
    Fan,
    Mentor,
    Producer,
    Auditor,
}
