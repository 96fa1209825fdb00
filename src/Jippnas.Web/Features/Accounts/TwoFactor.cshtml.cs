using Jippnas.Web.Data;
using Jippnas.Web.Features.Audit;
using Jippnas.Web.Features.Shared;
using Jippnas.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Jippnas.Web.Features.Accounts;

/// <summary>The second step of sign-in: a six-digit code of the authenticator app (RFC 6238), or a recovery code.</summary>
[EnableRateLimiting(AccountsSetup.SignInLimit)]
public sealed class TwoFactorModel(SignInManager<AccountUser> signIn, JippnasDb db, AuditTrail audit, Texts t) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "kembali")]
    public string? ReturnPath { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("SignIn");
        }

        var code = new string([.. (Code ?? "").Where(c => !char.IsWhiteSpace(c))]);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), t["Kode: wajib diisi (enam angka dari aplikasi autentikator, atau kode pemulihan)."]);
        }
        else
        {
            var result = code.Length == 6 && code.All(char.IsAsciiDigit)
                ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
                : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
            var id = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await audit.RecordAsync(db, result.Succeeded ? "sign-in" : result.IsLockedOut ? "locked-out" : "sign-in-failed", "akun", id, user.Id, user.Email, new { step = code.Length == 6 ? "authenticator" : "recovery-code" }, HttpContext.RequestAborted);
            if (result.Succeeded)
            {
                var back = Platform.SafeReturnPath(ReturnPath);
                return LocalRedirect(back == "/" ? "/akun" : back);
            }

            ModelState.AddModelError(nameof(Code), result.IsLockedOut
                ? t["Akun ini dikunci sementara setelah beberapa kali gagal masuk. Coba lagi 15 menit lagi, atau atur ulang kata sandi."]
                : t["Kode: salah atau sudah kedaluwarsa. Masukkan kode yang sedang tampil di aplikasi."]);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
