using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Jippnas.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jippnas.Web.Features.Tokens;

/// <summary>
/// <c>Authorization: Bearer jip_{prefix}_{secret}</c>: finds the token by its prefix, compares the SHA-256 of what
/// was sent with the one kept (in constant time), refuses an expired or revoked token saying which, and signs the
/// request in as the token's owner with the token's permissions and agency as claims.
/// </summary>
public sealed class TokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, JippnasDb db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    public const string TokenClaim = "jippnas:token";
    public const string PermissionClaim = "jippnas:permission";
    public const string AgencyClaim = "jippnas:agency";
    public const string Marker = "jip_";
    private const string Failure = "jippnas:token-failure";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool IsToken(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer " + Marker, StringComparison.Ordinal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string authorization = Request.Headers.Authorization.ToString();
        if (!IsToken(authorization))
        {
            return AuthenticateResult.NoResult();
        }

        var token = authorization["Bearer ".Length..].Trim();
        // jip_ + 8 characters of prefix + _ + the secret (base64url, which may itself hold '_').
        if (token.Length < 13 + 20 || token.Length > 200 || token[12] != '_')
        {
            return Fail("Token tidak dikenal: bentuknya jip_XXXXXXXX_….");
        }

        var prefix = token[4..12];
        var stored = await db.ApiTokens.Where(t => t.Prefix == prefix).FirstOrDefaultAsync(Context.RequestAborted);
        if (stored is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(stored.SecretHash)))
        {
            return Fail("Token tidak dikenal.");
        }

        var now = clock.GetUtcNow();
        if (stored.RevokedAt is not null)
        {
            return Fail("Token ini sudah dicabut.");
        }

        if (stored.ExpiresAt <= now)
        {
            return Fail(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Token ini sudah kedaluwarsa pada {stored.ExpiresAt:yyyy-MM-dd HH:mm} UTC."));
        }

        var user = await db.Users.Where(u => u.Id == stored.UserId).Select(u => new { u.Email, u.LockoutEnd }).FirstOrDefaultAsync(Context.RequestAborted);
        if (user is null || user.LockoutEnd > now)
        {
            return Fail("Akun pemilik token ini terkunci.");
        }

        if (stored.LastUsedAt is null || stored.LastUsedAt < now.AddMinutes(-5))
        {
            await db.ApiTokens.Where(t => t.Id == stored.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, stored.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, $"{user.Email} (token {stored.Name})"),
            new(TokenClaim, stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(stored.Permissions.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => new Claim(PermissionClaim, p)));
        if (stored.AgencyId is { } agency)
        {
            claims.Add(new Claim(AgencyClaim, agency.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"JIPPNas\"";
        var detail = Context.Items[Failure] as string ?? "Kirim token akses pribadi: Authorization: Bearer jip_….";
        await Response.WriteAsJsonAsync(new { type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2", title = "Unauthorized", status = 401, detail }, Context.RequestAborted);
    }

    private AuthenticateResult Fail(string why)
    {
        Context.Items[Failure] = why;
        return AuthenticateResult.Fail(why);
    }
}
