using Jippnas.Web.Data;
using Jippnas.Web.Features.Audit;
using Jippnas.Web.Features.Shared;
using Jippnas.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Accounts;

/// <summary>
/// Sign-in with e-mail and password; on to the authenticator code when the account has one. Every failure says the
/// same thing (no hint which accounts exist); five failures lock the account for 15 minutes; each address may try
/// <see cref="AccountOptions.SignInPerMinute"/> times a minute.
/// </summary>
[EnableRateLimiting(AccountsSetup.SignInLimit)]
public sealed class SignInModel(SignInManager<AccountUser> signIn, JippnasDb db, AuditTrail audit, Texts t) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "kembali")]
    public string? ReturnPath { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var back = Platform.SafeReturnPath(ReturnPath);
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), t["Email: wajib diisi."]);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), t["Kata sandi: wajib diisi."]);
        }

        if (ModelState.ErrorCount == 0)
        {
            var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
            var email = Email.Trim()[..Math.Min(Email.Trim().Length, 200)];
            var normalized = email.ToUpperInvariant();
            var userId = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => (int?)u.Id).FirstOrDefaultAsync();
            var action = result.Succeeded ? "sign-in" : result.RequiresTwoFactor ? "sign-in-password" : result.IsLockedOut ? "locked-out" : "sign-in-failed";
            await audit.RecordAsync(db, action, "akun", userId?.ToString(System.Globalization.CultureInfo.InvariantCulture), userId, email, null, HttpContext.RequestAborted);
            if (result.Succeeded)
            {
                return LocalRedirect(back == "/" ? "/akun" : back);
            }

            if (result.RequiresTwoFactor)
            {
                return RedirectToPage("TwoFactor", new { kembali = back });
            }

            ModelState.AddModelError(nameof(Email), result.IsLockedOut
                ? t["Akun ini dikunci sementara setelah beberapa kali gagal masuk. Coba lagi 15 menit lagi, atau atur ulang kata sandi."]
                : t["Email atau kata sandi salah, atau akun belum diaktifkan lewat tautan undangan."]);
        }

        Password = "";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
