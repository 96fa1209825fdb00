using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Accounts;

/// <summary>
/// The national administrator's list of accounts: invite a person with a role and scope (a mailed link sets their
/// password), add a grant to an account, revoke one (kept with the time it ended).
/// </summary>
[Authorize(Policy = AccountPermissions.Manage)]
public sealed class ManageModel(JippnasDb db, AccountDirectory directory, Invitations invitations, UserManager<AccountUser> users, CurrentAccess access, GrantNames names, Texts t) : PageModel
{
    private const int PageSize = 50;

    public sealed record Row(int Id, string FullName, string Email, bool Active, bool TwoFactor, bool LockedOut, List<RoleGrant> Grants);

    public sealed class GrantForm
    {
        public string Email { get; set; } = "";
        public string FullName { get; set; } = "";
        public AccountRole Role { get; set; } = AccountRole.Operator;
        public GrantScope Scope { get; set; } = GrantScope.Agency;
        public string? Key { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public GrantForm Form { get; set; } = new();

    [TempData]
    public string? Flash { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Dictionary<long, string> Scopes { get; private set; } = [];

    public int Total { get; private set; }

    public GrantNames Names => names;

    public string Link(int page) => $"/admin/akun?halaman={page}&q={Uri.EscapeDataString(Query ?? "")}";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Invites a new person, or adds the grant to the account that already has the e-mail.</summary>
    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var me = (await access.GetAsync(User, cancellationToken))!;
        // Empty fields bind as null.
        Form.Email ??= "";
        Form.FullName ??= "";
        var existing = string.IsNullOrWhiteSpace(Form.Email) ? null : await users.FindByEmailAsync(Form.Email.Trim());
        // A value that does not bind (an unknown role or scope) is named here, not in the framework's English.
        var unbound = ModelState.Where(e => e.Value!.Errors.Count > 0).Select(e => e.Key).ToList();
        ModelState.Clear();
        if (unbound.Count > 0 || !Enum.IsDefined(Form.Role) || !Enum.IsDefined(Form.Scope))
        {
            ModelState.AddModelError("Form.Role", t["Peran: pilih salah satu peran dan cakupannya."]);
        }
        else
        {
            var result = existing is null
                ? await directory.CreateAsync(Form.Email, Form.FullName, null, Form.Role, Form.Scope, Form.Key, me.UserId, cancellationToken)
                : await directory.GrantAsync(existing.Id, Form.Role, Form.Scope, Form.Key, me.UserId, cancellationToken);
            foreach (var (field, message) in result.Errors)
            {
                var (key, label) = field switch
                {
                    "email" => ("Form.Email", t["Email"]),
                    "full_name" => ("Form.FullName", t["Nama lengkap"]),
                    _ => ("Form.Key", t["Cakupan"]),
                };
                ModelState.AddModelError(key, $"{label}: {t[message]}");
            }

            if (result.Succeeded)
            {
                if (existing is null)
                {
                    var user = (await users.FindByIdAsync(result.UserId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
                    await invitations.SendInvitationAsync(user, me.FullName, new Uri($"{Request.Scheme}://{Request.Host}"), cancellationToken);
                    Flash = t.Format("Undangan terkirim ke {0}.", user.Email);
                }
                else if (!existing.EmailConfirmed)
                {
                    // Never activated (the first link may have expired): the invitation goes again.
                    await invitations.SendInvitationAsync(existing, me.FullName, new Uri($"{Request.Scheme}://{Request.Host}"), cancellationToken);
                    Flash = t.Format("Peran ditambahkan dan undangan dikirim ulang ke {0}.", existing.Email);
                }
                else
                {
                    Flash = t.Format("Peran ditambahkan ke akun {0}.", existing.Email);
                }

                return RedirectToPage();
            }
        }

        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long grant, CancellationToken cancellationToken)
    {
        if (!await directory.RevokeAsync(grant, cancellationToken))
        {
            return NotFound();
        }

        Flash = t["Peran dicabut."];
        return RedirectToPage(new { q = Query });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var accounts = db.Users.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var q = Query.Trim().ToUpperInvariant();
            // Translated to SQL upper(); a culture does not reach the database.
#pragma warning disable CA1304, CA1311, CA1862
            accounts = accounts.Where(u => u.NormalizedEmail!.Contains(q) || u.FullName.ToUpper().Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }

        Total = await accounts.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var now = DateTimeOffset.UtcNow;
        var page = await accounts.OrderBy(u => u.NormalizedEmail).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.FullName, u.Email, u.EmailConfirmed, u.TwoFactorEnabled, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var grants = await db.RoleGrants.Where(g => ids.Contains(g.UserId) && g.RevokedAt == null).OrderBy(g => g.Id).ToListAsync(cancellationToken);
        Rows = [.. page.Select(u => new Row(u.Id, u.FullName, u.Email!, u.EmailConfirmed, u.TwoFactorEnabled, u.LockoutEnd > now, [.. grants.Where(g => g.UserId == u.Id)]))];
        Scopes = await names.DescribeAsync(grants, cancellationToken);
    }
}
