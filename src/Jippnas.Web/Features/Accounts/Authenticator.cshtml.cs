using System.Globalization;
using System.Text;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Jippnas.Web.Features.Accounts;

/// <summary>
/// Sets up two-step sign-in with an authenticator app (TOTP, RFC 6238: 6 digits every 30 seconds, SHA-1, as every
/// app reads it): the key as a QR code and as text, confirmed by one code, then ten single-use recovery codes shown once.
/// </summary>
[Authorize]
public sealed class AuthenticatorModel(UserManager<AccountUser> users, SignInManager<AccountUser> signIn, Texts t) : PageModel
{
    public bool Enabled { get; private set; }

    public string Key { get; private set; } = "";

    public string QrCode { get; private set; } = "";

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    [BindProperty]
    public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var code = new string([.. (Code ?? "").Where(char.IsAsciiDigit)]);
        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), t["Kode: salah atau sudah kedaluwarsa. Masukkan kode yang sedang tampil di aplikasi."]);
            await ShowAsync(user);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        return Page();
    }

    private async Task ShowAsync(AccountUser user)
    {
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        Key = string.Join(' ', key!.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/JIPPNas:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=JIPPNas&digits=6");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
