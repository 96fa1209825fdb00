using Microsoft.AspNetCore.Identity;

namespace Jippnas.Web.Features.Accounts;

/// <summary>Identity's messages in Indonesian, for the errors a person can cause by what they type.</summary>
internal sealed class IndonesianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Kata sandi paling sedikit {length} karakter." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"Akun dengan surel {userName} sudah ada." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = $"Akun dengan surel {email} sudah ada." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = $"'{email}' bukan alamat surel yang sah." };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = $"'{userName}' tidak dapat dipakai sebagai nama akun." };
}
