using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Jippnas.Web.Features.Accounts;

/// <summary>Asks for a password-reset link; the answer is the same whether the address has an account or not.</summary>
[EnableRateLimiting(AccountsSetup.SignInLimit)]
public sealed class ForgotModel(UserManager<AccountUser> users, Invitations invitations, Texts t) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email) || Email.Length > 200)
        {
            ModelState.AddModelError(nameof(Email), t["Email: wajib diisi."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (await users.FindByEmailAsync(Email.Trim()) is { EmailConfirmed: true } user)
        {
            await invitations.SendResetAsync(user, new Uri($"{Request.Scheme}://{Request.Host}"), cancellationToken);
        }

        Sent = true;
        return Page();
    }
}
