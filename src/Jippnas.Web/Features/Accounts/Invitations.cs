using Jippnas.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jippnas.Web.Features.Accounts;

/// <summary>
/// The links that let a person set their password: an invitation to a new account, or a reset of a forgotten
/// password. Each link carries Identity's reset token (valid for <see cref="AccountOptions.LinkLifetime"/>, spent by
/// a password change), mailed in Indonesian with the English beside it.
/// </summary>
public sealed class Invitations(UserManager<AccountUser> users, IMailSender mail, IOptions<PublicSiteOptions> site, IOptions<AccountOptions> options, IHostEnvironment environment)
{
    public async Task SendInvitationAsync(AccountUser user, string invitedBy, Uri requestBase, CancellationToken cancellationToken)
    {
        var link = await LinkAsync(user, invite: true, requestBase);
        var days = (int)Math.Ceiling(options.Value.LinkLifetime.TotalDays);
        await mail.SendAsync(new OutgoingMail(user.Email!, "Undangan JIPPNas / JIPPNas invitation",
            $"""
            Yth. {user.FullName},

            {invitedBy} mengundang Anda memakai JIPPNas (Jaringan Inovasi Pelayanan Publik Nasional).
            Buka tautan ini untuk membuat kata sandi Anda (berlaku {days} hari):

            {link}

            Jika Anda tidak mengenal undangan ini, abaikan email ini.

            --
            {invitedBy} has invited you to JIPPNas. Open the link above to set your password (valid for {days} days).
            """), cancellationToken);
    }

    public async Task SendResetAsync(AccountUser user, Uri requestBase, CancellationToken cancellationToken)
    {
        var link = await LinkAsync(user, invite: false, requestBase);
        await mail.SendAsync(new OutgoingMail(user.Email!, "Atur ulang kata sandi JIPPNas / Reset your JIPPNas password",
            $"""
            Yth. {user.FullName},

            Ada permintaan mengatur ulang kata sandi akun JIPPNas Anda. Buka tautan ini untuk membuat kata sandi baru:

            {link}

            Jika Anda tidak memintanya, abaikan email ini: kata sandi Anda tidak berubah.

            --
            Someone asked to reset your JIPPNas password. Open the link above to choose a new one; if it was not you, ignore this mail.
            """), cancellationToken);
    }

    private async Task<string> LinkAsync(AccountUser user, bool invite, Uri requestBase)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        // Outside Development a link goes only to the configured address: a request's Host header can be forged.
        var root = site.Value.PublicBaseUrl ?? (environment.IsDevelopment() ? requestBase
            : throw new InvalidOperationException("Set Jippnas:PublicBaseUrl (e.g. https://jippnas.go.id): mailed links are built only from it outside Development."));
        return new Uri(root, $"/masuk/atur-ulang?akun={user.Id}&kode={Uri.EscapeDataString(token)}{(invite ? "&undangan=true" : "")}").AbsoluteUri;
    }
}
