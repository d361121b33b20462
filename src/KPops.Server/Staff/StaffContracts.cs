namespace KPops.Server.Staff;

/// <summary>A staff sign-in: e-mail and password, plus a current authenticator code (or a recovery code) once two-factor is on.</summary>
public sealed record StaffLoginRequest(string Email, string Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

public sealed record StaffRefreshRequest(string RefreshToken);

/// <summary>Who is signed in.</summary>
public sealed record StaffProfile(string Id, string Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled);

/// <summary>The anti-forgery token a cookie session sends in <see cref="HeaderName"/> with every state-changing request.</summary>
public sealed record AntiforgeryToken(string HeaderName, string Token);

/// <summary>An authenticator key to enter in an app (or scan as <see cref="AuthenticatorUri"/>); two-factor is on once a code from it is confirmed.</summary>
public sealed record TwoFactorSetup(string SharedKey, string AuthenticatorUri);

public sealed record TwoFactorConfirmRequest(string Code);

/// <summary>Single-use codes that replace an authenticator code if the device is lost; shown once.</summary>
public sealed record TwoFactorEnabled(IReadOnlyList<string> RecoveryCodes);
