using System.Security.Claims;
using KPops.Server.Problems;
using KPops.Server.Staff;
using KPops.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KPops.Server.Partners;

/// <summary>Producers create, list and revoke the API keys partners sign their ballot batches with.</summary>
internal static class PartnerKeysApi
{
    public const int MaxNameLength = 100;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/partners").WithTags("Partners").RequireStaff(StaffPolicies.Producer)
            .MapPost("/", CreateAsync)
            .WithName("CreatePartnerKey")
            .WithSummary("Create a partner key (producers); the answer is the only place its secret is shown");
        app.MapGroup("/api/partners").WithTags("Partners").RequireStaff(StaffPolicies.Auditor)
            .MapGet("/", ListAsync)
            .WithName("ListPartnerKeys")
            .WithSummary("Partner keys, active and revoked, without secrets (producers, auditors)");
        app.MapGroup("/api/partners").WithTags("Partners").RequireStaff(StaffPolicies.Producer)
            .MapDelete("/{keyId}", RevokeAsync)
            .WithName("RevokePartnerKey")
            .WithSummary("Revoke a partner key (producers); its batches are refused from then on");
    }

    internal static async Task<Results<Created<PartnerKeyCreated>, ProblemHttpResult>> CreateAsync(
        CreatePartnerKeyRequest? request, ClaimsPrincipal principal, KPopsDbContext db, PartnerSecrets secrets, TimeProvider time,
        CancellationToken cancellationToken)
    {
        string? name = request?.Name?.Trim();
        if (!IsPartnerName(name))
        {
            return Problem.BadRequest(ProblemCodes.BadRequest,
                $"A partner key needs a name: 1 to {MaxNameLength} letters, digits, spaces, '.', '-' or '_'.");
        }

        string secret = PartnerSecrets.NewSecret();
        var key = new PartnerKey
        {
            Id = PartnerSecrets.NewKeyId(),
            PartnerName = name,
            ProtectedSecret = secrets.Protect(secret),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = principal.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        db.PartnerKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/partners/{key.Id}", new PartnerKeyCreated(key.Id, key.PartnerName, secret, key.CreatedAt));
    }

    internal static async Task<Ok<PartnerKeyInfo[]>> ListAsync(KPopsDbContext db, CancellationToken cancellationToken)
    {
        // Ordered here: SQLite cannot order by DateTimeOffset, and a show has a handful of partners.
        var keys = await db.PartnerKeys.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(keys
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal)
            .Select(k => new PartnerKeyInfo(k.Id, k.PartnerName, k.CreatedAt, k.RevokedAt))
            .ToArray());
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string keyId, KPopsDbContext db, PartnerKeyRing ring, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = await db.PartnerKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (key is null)
        {
            return Problem.NotFound(ProblemCodes.PartnerKeyNotFound, $"There is no partner key {keyId}.");
        }

        // Revoking twice keeps the first time: that is when batches stopped being accepted.
        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        ring.Forget(keyId);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Names become part of the pseudonym input (<c>partner/{name}/{subscriber}</c>), so they may not hold <c>/</c> or
    /// control characters, and stay short.
    /// </summary>
    internal static bool IsPartnerName([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsLetterOrDigit(c) && c is not (' ' or '.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
