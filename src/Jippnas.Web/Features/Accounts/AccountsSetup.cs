using Jippnas.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Jippnas.Web.Features.Accounts;

/// <summary>Settings of accounts (<c>Jippnas:Accounts</c>).</summary>
public sealed class AccountOptions
{
    public const string Section = "Jippnas:Accounts";

    /// <summary>The shortest password accepted (at least 12 by default; length, not character classes, makes a password strong).</summary>
    public int PasswordMinLength { get; set; } = 12;
}

public static class AccountsSetup
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        services.AddIdentityCore<AccountUser>(identity =>
        {
            identity.User.RequireUniqueEmail = true;
            identity.Password.RequiredLength = Math.Max(options.PasswordMinLength, 8);
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Lockout.MaxFailedAccessAttempts = 5;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        })
            .AddEntityFrameworkStores<JippnasDb>()
            .AddErrorDescriber<IndonesianIdentityErrors>();
        services.AddScoped<AccountDirectory>();
        return services;
    }
}
