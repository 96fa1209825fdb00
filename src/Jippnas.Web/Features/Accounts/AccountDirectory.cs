using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Accounts;

/// <summary>What creating an account or a grant did: the account's id, or the errors (Indonesian) naming the field.</summary>
public sealed record AccountResult(int? UserId, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Creates accounts and grants their roles, each grant checked against its role's scopes and the reference data
/// (the province, regency/city, agency or hub must exist). Nothing is stored when anything is wrong.
/// </summary>
public sealed class AccountDirectory(JippnasDb db, UserManager<AccountUser> users, TimeProvider clock)
{
    /// <summary>
    /// Creates an account with its first grant. With no <paramref name="password"/> the account is an invitation: it
    /// cannot sign in until its owner sets a password through the link mailed to them (<see cref="Invitations"/>).
    /// </summary>
    public async Task<AccountResult> CreateAsync(string email, string fullName, string? password, AccountRole role, GrantScope scope, string? scopeKey, int? grantedBy, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        email = email.Trim();
        fullName = fullName.Trim();
        if (fullName.Length is 0 or > 200)
        {
            errors.Add(("full_name", "Nama lengkap wajib diisi, paling panjang 200 karakter."));
        }

        if (await ScopeRefusalAsync(role, scope, scopeKey, cancellationToken) is { } refusal)
        {
            errors.Add(("scope", refusal));
        }

        var user = new AccountUser { UserName = email, Email = email, FullName = fullName, CreatedAt = clock.GetUtcNow(), LockoutEnabled = true, EmailConfirmed = password is not null };
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) || email.Length > 200)
        {
            errors.Add(("email", $"'{email}' bukan alamat surel yang sah."));
        }

        foreach (var validator in password is null ? [] : users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, password);
            errors.AddRange(checkedPassword.Errors.Select(e => ("password", e.Description)));
        }

        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AccountResult(null, [.. created.Errors.Select(e => (e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description))]);
        }

        db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = role, Scope = scope, ScopeKey = scope == GrantScope.National ? null : scopeKey!.Trim(), GrantedBy = grantedBy, GrantedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AccountResult(user.Id, []);
    }

    /// <summary>What the live grants of a person cover, resolved against the agencies and hubs as they are now.</summary>
    public async Task<GrantCoverage> CoverageAsync(int userId, CancellationToken cancellationToken) =>
        await CoverageAsync(await db.RoleGrants.AsNoTracking().Where(g => g.UserId == userId && g.RevokedAt == null).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>What <paramref name="grants"/> cover, resolved against the agencies and hubs as they are now.</summary>
    public async Task<GrantCoverage> CoverageAsync(List<RoleGrant> grants, CancellationToken cancellationToken)
    {
        var needsAgencies = grants.Exists(g => g.Scope is GrantScope.Agency or GrantScope.Ministry or GrantScope.Hub);
        var parents = needsAgencies
            ? await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ParentId, cancellationToken)
            : [];
        var hubs = grants.Exists(g => g.Scope == GrantScope.Hub)
            ? await db.Hubs.AsNoTracking().ToDictionaryAsync(h => h.Id, h => (h.ProvinceCode, h.AgencyId), cancellationToken)
            : [];
        return new GrantCoverage(grants, parents, hubs);
    }

    /// <summary>Adds a grant to an existing account, checked as at creation; the field of an error is "scope".</summary>
    public async Task<AccountResult> GrantAsync(int userId, AccountRole role, GrantScope scope, string? scopeKey, int? grantedBy, CancellationToken cancellationToken)
    {
        if (await ScopeRefusalAsync(role, scope, scopeKey, cancellationToken) is { } refusal)
        {
            return new AccountResult(null, [("scope", refusal)]);
        }

        var key = scope == GrantScope.National ? null : scopeKey!.Trim();
        if (await db.RoleGrants.AnyAsync(g => g.UserId == userId && g.Role == role && g.Scope == scope && g.ScopeKey == key && g.RevokedAt == null, cancellationToken))
        {
            return new AccountResult(null, [("scope", "Akun ini sudah memegang peran tersebut dengan cakupan yang sama.")]);
        }

        db.RoleGrants.Add(new RoleGrant { UserId = userId, Role = role, Scope = scope, ScopeKey = key, GrantedBy = grantedBy, GrantedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return new AccountResult(userId, []);
    }

    /// <summary>Ends a live grant (kept, with the time it ended); false when there is no such live grant.</summary>
    public async Task<bool> RevokeAsync(long grantId, CancellationToken cancellationToken)
    {
        // Loaded and saved through EF, so the audit log records the revocation.
        if (await db.RoleGrants.AsTracking().FirstOrDefaultAsync(g => g.Id == grantId && g.RevokedAt == null, cancellationToken) is not { } grant)
        {
            return false;
        }

        grant.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    // Why a grant cannot be made: its role's scopes, then whether what the key names exists.
    private async Task<string?> ScopeRefusalAsync(AccountRole role, GrantScope scope, string? key, CancellationToken cancellationToken)
    {
        key = key?.Trim();
        if (RoleGrant.Refusal(role, scope, key) is { } refusal)
        {
            return refusal;
        }

        var number = scope is GrantScope.Ministry or GrantScope.Agency or GrantScope.Hub ? int.Parse(key!, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        var exists = scope switch
        {
            GrantScope.National => true,
            GrantScope.Province or GrantScope.Regency => await db.Regions.AnyAsync(r => r.Code == key, cancellationToken),
            GrantScope.Ministry or GrantScope.Agency => await db.Agencies.AnyAsync(a => a.Id == number, cancellationToken),
            GrantScope.Hub => await db.Hubs.AnyAsync(h => h.Id == number, cancellationToken),
            GrantScope.Round => false,
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown scope."),
        };
        return exists ? null : scope == GrantScope.Round
            ? "Putaran kompetisi belum dapat dipilih: belum ada putaran yang tercatat."
            : $"'{key}' tidak ditemukan di data rujukan (wilayah, instansi atau hub).";
    }
}
