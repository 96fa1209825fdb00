using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jippnas.Web.Features.Accounts;

/// <summary>Ends the session (a form post, so another site cannot sign a person out with a link).</summary>
public sealed class SignOutModel(SignInManager<AccountUser> signIn, Jippnas.Web.Data.JippnasDb db, Jippnas.Web.Features.Audit.AuditTrail audit) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            var id = CurrentAccess.UserIdOf(User);
            await audit.RecordAsync(db, "sign-out", "akun", id?.ToString(System.Globalization.CultureInfo.InvariantCulture), id, null, null, HttpContext.RequestAborted);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
