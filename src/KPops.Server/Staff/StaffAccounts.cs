using System.Security.Cryptography;
using KPops.Server.Storage;
using Microsoft.AspNetCore.Identity;

namespace KPops.Server.Staff;

/// <summary>A staff member's sign-in as just set: the password is shown once (by <c>kpops staff add</c> or <c>kpops demo</c>) and stored only hashed.</summary>
public sealed record StaffCredentials(string Email, string Role, string Password);

/// <summary>A staff account could not be created or changed; the message lists Identity's reasons.</summary>
public sealed class StaffAccountException(string message) : Exception(message);

/// <summary>Creates staff accounts and the roles they hold; used to bootstrap a server before anyone can sign in.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, TimeProvider time)
{
    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyz23456789";
    private const int PasswordLength = 20;

    /// <summary>Creates the role rows if they are missing (idempotent; run at every start).</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (string role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }
    }

    /// <summary>Creates an account for <paramref name="email"/> with <paramref name="role"/>; a null password is generated.</summary>
    /// <exception cref="StaffAccountException">The e-mail is taken, the role unknown, or the password too weak.</exception>
    public async Task<StaffCredentials> CreateAsync(string email, string role, string? password = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        RequireRole(role);
        await EnsureRolesAsync();
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new StaffAccountException($"A staff account for {email} already exists.");
        }

        password ??= GeneratePassword();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = time.GetUtcNow() };
        Check(await users.CreateAsync(user, password), $"create {email}");
        Check(await users.AddToRoleAsync(user, role), $"give {email} the role {role}");
        return new StaffCredentials(email, role, password);
    }

    /// <summary>
    /// Makes sure <paramref name="email"/> exists with <paramref name="role"/> and sets a fresh generated password
    /// (what <c>kpops demo</c> does on every start, so that it can print working credentials).
    /// </summary>
    public async Task<StaffCredentials> CreateOrResetAsync(string email, string role)
    {
        RequireRole(role);
        StaffUser? user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return await CreateAsync(email, role);
        }

        string password = GeneratePassword();
        string token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password), $"reset the password of {email}");
        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role), $"give {email} the role {role}");
        }

        return new StaffCredentials(email, role, password);
    }

    /// <summary>A random 20-character password (about 100 bits), grouped for reading aloud: <c>abcd-efgh-...</c>.</summary>
    public static string GeneratePassword()
    {
        string raw = RandomNumberGenerator.GetString(PasswordAlphabet, PasswordLength);
        return string.Join('-', raw.Chunk(5).Select(chunk => new string(chunk)));
    }

    private static void RequireRole(string role)
    {
        if (!StaffRoles.IsRole(role))
        {
            throw new StaffAccountException($"Unknown role '{role}'. Roles: {string.Join(", ", StaffRoles.All)}.");
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new StaffAccountException($"Cannot {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
