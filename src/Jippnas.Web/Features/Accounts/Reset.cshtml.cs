using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Jippnas.Web.Features.Accounts;

/// <summary>
/// Sets a password from a mailed link: an invitation (the account is activated) or a reset. The link's token is
/// spent by the change; an expired or used link says so and points to a new one.
/// </summary>
[EnableRateLimiting(AccountsSetup.SignInLimit)]
public sealed class ResetModel(UserManager<AccountUser> users, Texts t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "akun")]
    public int AccountId { get; set; }

    [BindProperty(SupportsGet = true, Name = "kode")]
    public string Token { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "undangan")]
    public bool Invitation { get; set; }

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public string Confirm { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Empty fields bind as null.
        Password ??= "";
        Confirm ??= "";
        Token ??= "";
        if (Password != Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), t["Ulangi kata sandi: tidak sama dengan kata sandi baru."]);
        }

        var user = AccountId > 0 ? await users.FindByIdAsync(AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        if (ModelState.ErrorCount == 0)
        {
            var result = user is null
                ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken" })
                : await users.ResetPasswordAsync(user, Token, Password);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : "",
                    error.Code.StartsWith("Password", StringComparison.Ordinal)
                        ? t["Kata sandi baru: "] + error.Description
                        : t["Tautan ini sudah tidak berlaku (kedaluwarsa atau sudah dipakai). Minta tautan baru lewat halaman Lupa kata sandi."]);
            }

            if (result.Succeeded)
            {
                if (!user!.EmailConfirmed)
                {
                    user.EmailConfirmed = true;
                    await users.UpdateAsync(user);
                }

                await users.ResetAccessFailedCountAsync(user);
                await users.SetLockoutEndDateAsync(user, null);
                Done = true;
                return Page();
            }
        }

        Password = Confirm = "";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
