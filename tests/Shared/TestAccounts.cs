using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Jippnas.Tests;

/// <summary>Accounts of a test portal, made through the portal's own services as an administrator's invitation would.</summary>
public static class TestAccounts
{
    /// <summary>Makes an account with one grant unless it exists; returns its authenticator key when it has one.</summary>
    public static async Task<string?> EnsureAsync(IServiceProvider portal, string email, string name, string password, AccountRole role, GrantScope scope, string? key, bool twoFactor)
    {
        await using var services = portal.CreateAsyncScope();
        var users = services.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            var created = await services.ServiceProvider.GetRequiredService<AccountDirectory>().CreateAsync(email, name, password, role, scope, key, null, CancellationToken.None);
            created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors));
            user = (await users.FindByEmailAsync(email))!;
            if (twoFactor)
            {
                await users.ResetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
        }

        return user.TwoFactorEnabled ? await users.GetAuthenticatorKeyAsync(user) : null;
    }
}
