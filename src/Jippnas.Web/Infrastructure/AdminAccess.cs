using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Jippnas.Web.Infrastructure;

public sealed class AdminOptions
{
    /// <summary>The administrator's user name; with no password hash the admin pages do not exist (404).</summary>
    public string User { get; set; } = "admin";

    /// <summary>"pbkdf2-sha256$iterations$salt$hash" (base64), as <c>-- hash-password</c> prints it.</summary>
    public string? PasswordHash { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(PasswordHash);
}

/// <summary>
/// The administrator's sign-in until accounts exist: HTTP Basic over HTTPS against one configured user whose
/// password is stored only as a PBKDF2 hash. Pages under it require the <see cref="Policy"/> policy.
/// </summary>
public sealed class AdminAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<AdminOptions> admin)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminBasic";
    public const string Policy = "Administrator";
    private const string Prefix = "pbkdf2-sha256";
    private const int Iterations = 210_000;

    public static string HashPassword(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Prefix || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 10_000)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var settings = admin.Value;
        if (!settings.Enabled || !AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("Malformed credentials."));
        }

        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || credentials[..colon] != settings.User || !Verify(credentials[(colon + 1)..], settings.PasswordHash!))
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong user name or password."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, settings.User), new Claim(ClaimTypes.Role, Policy)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!admin.Value.Enabled)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"JIPPNas admin\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}

public static class AdminAccessSetup
{
    public static IServiceCollection AddAdminAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection("Jippnas:Admin"))
            .Validate(o => !o.Enabled || o.PasswordHash!.StartsWith("pbkdf2-sha256$", StringComparison.Ordinal), "Jippnas:Admin:PasswordHash must be a hash printed by '-- hash-password'.")
            .ValidateOnStart();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, AdminAuthentication>(AdminAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(AdminAuthentication.Policy, policy => policy
            .AddAuthenticationSchemes(AdminAuthentication.SchemeName)
            .RequireRole(AdminAuthentication.Policy));
        return services;
    }
}
