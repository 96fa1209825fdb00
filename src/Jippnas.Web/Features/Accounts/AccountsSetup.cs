using System.Threading.RateLimiting;
using Jippnas.Web.Data;
using Jippnas.Web.Features.Duplicates;
using Jippnas.Web.Features.Imports;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Search;
using Jippnas.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Jippnas.Web.Features.Accounts;

/// <summary>Settings of accounts (<c>Jippnas:Accounts</c>).</summary>
public sealed class AccountOptions
{
    public const string Section = "Jippnas:Accounts";

    /// <summary>The shortest password accepted (at least 12 by default; length, not character classes, makes a password strong).</summary>
    public int PasswordMinLength { get; set; } = 12;

    /// <summary>How long an invitation or a password-reset link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long a session lasts without use (sliding).</summary>
    public TimeSpan SessionIdle { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// The folder of the keys that protect sign-in cookies and antiforgery tokens, shared by every instance of the
    /// portal (one folder on shared storage), so any instance reads what another wrote.
    /// </summary>
    public string KeysFolder { get; set; } = "App_Data/keys";

    /// <summary>Requests to the sign-in pages allowed per address per minute (an office behind one address shares them; each account also locks after 5 failures).</summary>
    public int SignInPerMinute { get; set; } = 30;
}

/// <summary>Every permission of the portal, from the features that declare them.</summary>
public static class PermissionCatalog
{
    public static IReadOnlyList<PermissionRule> All { get; } =
        [.. AccountPermissions.All, .. Audit.AuditPermissions.All, .. ImportPermissions.All, .. DuplicatePermissions.All, .. SearchPermissions.All, .. InnovationPermissions.All, .. Hubs.HubPermissions.All, .. Mentoring.MentoringPermissions.All, .. Replication.ReplicationPermissions.All];
}

public static class AccountsSetup
{
    public const string SignInLimit = "sign-in";

    /// <summary>
    /// For a public page that also takes writes: anyone reads it, a write needs a signed-in person first (sent to sign
    /// in before the antiforgery check), and the handler then checks the feature's permission over the record.
    /// </summary>
    public const string SignedInToWrite = "signed-in-to-write";
    public const string PortalScheme = "Jippnas";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        services.Configure<AccountOptions>(configuration.GetSection(AccountOptions.Section));
        services.AddIdentityCore<AccountUser>(identity =>
        {
            identity.User.RequireUniqueEmail = true;
            identity.Password.RequiredLength = Math.Max(options.PasswordMinLength, 8);
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Password.RequiredUniqueChars = 1;
            identity.Lockout.MaxFailedAccessAttempts = 5;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            identity.SignIn.RequireConfirmedEmail = true;
        })
            .AddEntityFrameworkStores<JippnasDb>()
            .AddUserStore<AccountStore>()
            .AddErrorDescriber<IndonesianIdentityErrors>()
            .AddPasswordValidator<CommonPasswords>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = options.LinkLifetime);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        services.AddDataProtection()
            .SetApplicationName("JIPPNas")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(options.KeysFolder, environment.ContentRootPath)));

        // An API request with an access token is the token's; anything else is the sign-in cookie's (a token never opens a page).
        services.AddAuthentication(auth =>
        {
            auth.DefaultScheme = PortalScheme;
            auth.DefaultChallengeScheme = PortalScheme;
        })
            .AddPolicyScheme(PortalScheme, "JIPPNas", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api") && Tokens.TokenAuthentication.IsToken(context.Request.Headers.Authorization)
                    ? Tokens.TokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, Tokens.TokenAuthentication>(Tokens.TokenAuthentication.SchemeName, null);
        services.AddAuthentication().AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "jippnas.sesi";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = options.SessionIdle;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/masuk";
            cookie.LogoutPath = "/keluar";
            cookie.ReturnUrlParameter = "kembali";
            cookie.Events = new CookieAuthenticationEvents
            {
                // The API answers 401/403; pages send the public to sign in and others to the 403 page.
                OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized, redirect: true),
                OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden, redirect: false),
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.Name = "jippnas.dua-langkah";
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        var authorization = services.AddAuthorizationBuilder();
        authorization.AddPolicy(SignedInToWrite, policy => policy.RequireAssertion(context =>
            context.User.Identity?.IsAuthenticated == true
            || context.Resource is HttpContext http && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))));
        foreach (var permission in PermissionCatalog.All)
        {
            authorization.AddPolicy(permission.Name, policy => policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
        }

        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<CurrentAccess>();
        services.AddScoped<AccountDirectory>();
        services.AddScoped<Invitations>();
        services.AddScoped<GrantNames>();
        services.AddScoped<Jippnas.Web.Features.Editorial.EditorialDesk>();
        services.Configure<Evidence.EvidenceOptions>(configuration.GetSection(Evidence.EvidenceOptions.Section));
        services.AddSingleton<Evidence.IEvidenceStore, Evidence.FolderEvidenceStore>();
        services.AddScoped<Evidence.EvidenceShelf>();
        services.AddMail(configuration);
        services.Configure<RateLimiterOptions>(limits => limits.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(options.SignInPerMinute, 1), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status, bool redirect)
    {
        if (redirect && !context.Request.Path.StartsWithSegments("/api") && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
