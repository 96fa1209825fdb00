using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Jippnas.Web.Features.Accounts;

/// <summary>
/// Refuses passwords that are guessed first (ASVS 2.1.7): those on the shipped list of common passwords
/// (Resources/common-passwords.txt), also with digits or symbols added at the end or a letter case changed; one
/// character repeated; or the account's own e-mail name.
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<AccountUser>
{
    private static readonly FrozenSet<string> List = Load();

    public static bool IsCommon(string password, string? email = null)
    {
        var lower = password.Trim().ToLowerInvariant();
        var stem = lower.TrimEnd("0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray());
        var local = email?.Split('@')[0].ToLowerInvariant();
        return List.Contains(lower) || (stem.Length > 0 && List.Contains(stem)) || lower.Distinct().Count() <= 2
            || (local is { Length: >= 4 } && lower.Contains(local, StringComparison.Ordinal));
    }

    public Task<IdentityResult> ValidateAsync(UserManager<AccountUser> manager, AccountUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password, user.Email)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = "Kata sandi ini terlalu umum atau mudah ditebak (ada di daftar kata sandi yang sering dipakai, atau memuat nama email Anda). Pakai frasa yang panjang dan khas." })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Jippnas.Web.Resources.common-passwords.txt")
            ?? throw new InvalidOperationException("Resources/common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
