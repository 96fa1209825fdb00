using System.Globalization;
using System.Security.Cryptography;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Editorial;
using Jippnas.Web.Features.Imports;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Tokens;

/// <summary>
/// A person's access tokens for machines: made with a name, the permissions (of those the person holds) it may use,
/// optionally one agency, and an expiry; shown once; revoked at any time. Only the hash is kept.
/// </summary>
[Authorize]
public sealed class TokensModel(JippnasDb db, CurrentAccess access, TimeProvider clock, Texts t) : PageModel
{
    /// <summary>What a token can be given: the write API's permissions.</summary>
    public static readonly string[] ApiPermissions = [InnovationPermissions.Edit, ImportPermissions.Run];

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public IReadOnlyList<PermissionRule> Offered { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];

    /// <summary>The token just made, shown this once.</summary>
    public string? Made { get; private set; }

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public List<string> Permissions { get; set; } = [];

    [BindProperty]
    public int? Agency { get; set; }

    [BindProperty]
    public int Days { get; set; } = 90;

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var view = await LoadAsync(cancellationToken);
        // An empty field binds as null.
        Name = (Name ?? "").Trim();
        Permissions ??= [];
        if (Name.Length is 0 or > 100)
        {
            ModelState.AddModelError(nameof(Name), t["Nama token: wajib diisi, paling panjang 100 karakter (mis. SIINOVDA Jawa Timur)."]);
        }

        if (Permissions.Count == 0 || Permissions.Exists(p => Offered.All(o => o.Name != p)))
        {
            ModelState.AddModelError(nameof(Permissions), t["Izin: pilih paling sedikit satu izin yang Anda pegang."]);
        }

        if (Days is < 1 or > 365)
        {
            ModelState.AddModelError(nameof(Days), t["Masa berlaku: antara 1 dan 365 hari."]);
        }

        if (Agency is { } agency && Agencies.All(a => a.Id != agency))
        {
            ModelState.AddModelError(nameof(Agency), t["Instansi: pilih instansi yang termasuk cakupan akun Anda."]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var prefix = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz23456789", 8);
        var token = $"{TokenAuthentication.Marker}{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var now = clock.GetUtcNow();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = view.UserId,
            Name = Name,
            Prefix = prefix,
            SecretHash = TokenAuthentication.Hash(token),
            Permissions = string.Join(',', Permissions.Distinct(StringComparer.Ordinal)),
            AgencyId = Agency,
            CreatedAt = now,
            ExpiresAt = now.AddDays(Days),
        });
        await db.SaveChangesAsync(cancellationToken);
        Made = token;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long token, CancellationToken cancellationToken)
    {
        var view = (await access.GetAsync(User, cancellationToken))!;
        if (await db.ApiTokens.AsTracking().FirstOrDefaultAsync(x => x.Id == token && x.UserId == view.UserId && x.RevokedAt == null, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        found.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        Flash = t.Format("Token {0} dicabut.", found.Name);
        return Redirect("/akun/token");
    }

    public string PermissionLabel(string name) => PermissionCatalog.All.FirstOrDefault(p => p.Name == name) is { } rule ? t[rule.Label] : name;

    private async Task<AccessView> LoadAsync(CancellationToken cancellationToken)
    {
        var view = (await access.GetAsync(User, cancellationToken))!;
        Tokens = await db.ApiTokens.Where(x => x.UserId == view.UserId).OrderByDescending(x => x.Id).ToListAsync(cancellationToken);
        Offered = [.. PermissionCatalog.All.Where(p => ApiPermissions.Contains(p.Name) && view.Holds(p))];
        var scope = await EditorialScope.OfAsync(db, view, PermissionCatalog.All.First(p => p.Name == InnovationPermissions.Edit), cancellationToken);
        Agencies = scope.IsEmpty ? [] : scope.All
            ? [.. (await db.Agencies.OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Name))]
            : [.. (await db.Agencies.Where(a => scope.Agencies.Contains(a.Id)).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Name))];
        return view;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string When(DateTimeOffset at) => Formats.Date(at);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
