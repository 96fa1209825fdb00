using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests;

/// <summary>
/// The accounts' store on both databases: a person and their grants are kept; a grant is revoked, never deleted,
/// and a person who ever held one cannot be deleted with it.
/// </summary>
public abstract partial class AccountStoreTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    [SkippableFact]
    public async Task A_person_with_grants_is_kept_with_them_and_a_revoked_grant_stays_on_record()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var at = new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
        var id = await Portal.WithDbAsync(async db =>
        {
            var user = new AccountUser { UserName = "operator@jatimprov.go.id", NormalizedUserName = "OPERATOR@JATIMPROV.GO.ID", Email = "operator@jatimprov.go.id", FullName = "Siti Rahmawati", CreatedAt = at };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            db.RoleGrants.AddRange(
                new RoleGrant { UserId = user.Id, Role = AccountRole.Operator, Scope = GrantScope.Agency, ScopeKey = "1", GrantedAt = at },
                new RoleGrant { UserId = user.Id, Role = AccountRole.Mentor, Scope = GrantScope.Regency, ScopeKey = "35.08", GrantedAt = at, RevokedAt = at.AddDays(30) });
            await db.SaveChangesAsync();
            return user.Id;
        });

        var grants = await Portal.WithDbAsync(db => db.RoleGrants.Where(g => g.UserId == id).OrderBy(g => g.Id).ToListAsync());
        grants.Select(g => (g.Role, g.Scope, g.ScopeKey, g.IsLive)).ShouldBe([(AccountRole.Operator, GrantScope.Agency, "1", true), (AccountRole.Mentor, GrantScope.Regency, "35.08", false)]);
        grants[0].GrantedAt.ShouldBe(at);
        (await Portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == id))).FullName.ShouldBe("Siti Rahmawati");

        // Who held what stays known: the person cannot be deleted while grants name them.
        await Should.ThrowAsync<DbUpdateException>(() => Portal.WithDbAsync(async db =>
        {
            db.Users.Remove(await db.Users.SingleAsync(u => u.Id == id));
            return await db.SaveChangesAsync();
        }));
        (await Portal.WithDbAsync(db => db.Users.CountAsync(u => u.Id == id))).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Two_people_cannot_share_a_user_name()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        AccountUser Person() => new() { UserName = "admin@menpan.go.id", NormalizedUserName = "ADMIN@MENPAN.GO.ID", FullName = "Admin", CreatedAt = DateTimeOffset.UnixEpoch };
        await Portal.WithDbAsync(db => { db.Users.Add(Person()); return db.SaveChangesAsync(); });

        await Should.ThrowAsync<DbUpdateException>(() => Portal.WithDbAsync(db => { db.Users.Add(Person()); return db.SaveChangesAsync(); }));
    }
}

public abstract partial class AccountStoreTests
{
    private const string Password = "kopi-tubruk-lumajang-2026";

    [SkippableFact]
    public async Task An_account_is_created_with_its_grant_and_its_password_stored_only_as_a_hash()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var result = await CreateAsync("hub.jatim@jatimprov.go.id", "Budi Santoso", Password, AccountRole.HubAdministrator, GrantScope.Province, "35");

        result.Errors.ShouldBeEmpty();
        var (user, grant) = await Portal.WithDbAsync(async db => (
            await db.Users.SingleAsync(u => u.Id == result.UserId),
            await db.RoleGrants.SingleAsync(g => g.UserId == result.UserId)));
        (user.Email, user.FullName, user.LockoutEnabled).ShouldBe(("hub.jatim@jatimprov.go.id", "Budi Santoso", true));
        user.PasswordHash.ShouldNotBeNullOrEmpty();
        user.PasswordHash.ShouldNotContain(Password);
        (grant.Role, grant.Scope, grant.ScopeKey, grant.IsLive).ShouldBe((AccountRole.HubAdministrator, GrantScope.Province, "35", true));
    }

    [SkippableTheory]
    [InlineData("operator@kab.go.id", "Operator", "pendek", AccountRole.Operator, GrantScope.Agency, "1", "password", "12")]
    [InlineData("bukan-surel", "Operator", Password, AccountRole.Operator, GrantScope.Agency, "1", "email", "surel")]
    [InlineData("operator@kab.go.id", "", Password, AccountRole.Operator, GrantScope.Agency, "1", "full_name", "Nama")]
    [InlineData("operator@kab.go.id", "Operator", Password, AccountRole.Operator, GrantScope.National, null, "scope", "cakupan")]
    [InlineData("operator@kab.go.id", "Operator", Password, AccountRole.Operator, GrantScope.Agency, "999999", "scope", "tidak ditemukan")]
    [InlineData("mentor@unair.ac.id", "Mentor", Password, AccountRole.Mentor, GrantScope.Regency, "35.99", "scope", "tidak ditemukan")]
    [InlineData("juri@menpan.go.id", "Juri", Password, AccountRole.Evaluator, GrantScope.Round, "1", "scope", "Putaran")]
    public async Task A_bad_account_is_refused_naming_the_field_and_nothing_is_stored(string email, string name, string password, AccountRole role, GrantScope scope, string? key, string field, string message)
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var before = await Portal.WithDbAsync(async db => (await db.Users.CountAsync(), await db.RoleGrants.CountAsync()));

        var result = await CreateAsync(email, name, password, role, scope, key);

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Field == field && e.Message.Contains(message), string.Join("; ", result.Errors));
        (await Portal.WithDbAsync(async db => (await db.Users.CountAsync(), await db.RoleGrants.CountAsync()))).ShouldBe(before);
    }

    [SkippableFact]
    public async Task The_same_email_twice_is_refused_and_the_first_account_is_untouched()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var first = await CreateAsync("kurator@menpan.go.id", "Kurator Satu", Password, AccountRole.Curator, GrantScope.National, null);
        first.Errors.ShouldBeEmpty();

        var second = await CreateAsync("KURATOR@menpan.go.id", "Kurator Dua", Password + "-lain", AccountRole.Curator, GrantScope.National, null);

        second.Errors.ShouldContain(e => e.Field == "email" && e.Message.Contains("sudah ada"));
        (await Portal.WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail == "KURATOR@MENPAN.GO.ID").Select(u => u.FullName).ToListAsync())).ShouldBe(["Kurator Satu"]);
    }

    [SkippableFact]
    public async Task The_command_line_creates_the_first_administrator_and_names_what_is_wrong_otherwise()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        await using var services = Portal.Services.CreateAsyncScope();
        var accounts = services.ServiceProvider.GetRequiredService<AccountDirectory>();
        Task<string?> RunAsync(string password, params string[] arguments) =>
            AddAccountCommand.RunAsync(accounts, arguments, new StringReader(password + "\n"), CancellationToken.None);

        (await RunAsync(Password, "admin@menpan.go.id", "Admin Nasional", "national-admin")).ShouldBeNull();
        (await RunAsync(Password, "mentor@unair.ac.id", "Dr. Mentor", "mentor", "regency", "35.08")).ShouldBeNull();
        (await RunAsync(Password, "x@y.id", "X", "boss"))!.ShouldContain("national-admin|curator");
        (await RunAsync(Password, "x@y.id", "X", "operator", "desa", "1"))!.ShouldContain("unknown scope 'desa'");
        (await RunAsync("pendek", "x@y.id", "X", "operator", "agency", "1"))!.ShouldContain("password: Kata sandi paling sedikit 12");

        (await Portal.WithDbAsync(db => db.RoleGrants.Select(g => new { g.Role, g.Scope, g.ScopeKey }).OrderBy(g => g.Role).ToListAsync()))
            .Select(g => (g.Role, g.Scope, g.ScopeKey)).ShouldBe([(AccountRole.NationalAdministrator, GrantScope.National, (string?)null), (AccountRole.Mentor, GrantScope.Regency, "35.08")]);
    }

    [SkippableFact]
    public async Task A_persons_grants_cover_the_records_of_their_agency_and_province_only()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var (lumajang, palembang) = await Portal.WithDbAsync(async db => (
            await db.Agencies.Where(a => a.RegionCode == "35.08").Select(a => a.Id).FirstAsync(),
            await db.Agencies.Where(a => a.RegionCode == "16.71").Select(a => a.Id).FirstAsync()));
        var operatorId = (await CreateAsync("operator@lumajangkab.go.id", "Operator Lumajang", Password, AccountRole.Operator, GrantScope.Agency, lumajang.ToString(System.Globalization.CultureInfo.InvariantCulture))).UserId!.Value;
        var hubId = (await CreateAsync("hub@jatimprov.go.id", "Hub Jatim", Password, AccountRole.HubAdministrator, GrantScope.Province, "35")).UserId!.Value;

        await using var services = Portal.Services.CreateAsyncScope();
        var accounts = services.ServiceProvider.GetRequiredService<AccountDirectory>();
        var operatorCoverage = await accounts.CoverageAsync(operatorId, CancellationToken.None);
        operatorCoverage.Covers(AccountRole.Operator, new ScopePlace(lumajang, "35", "35.08")).ShouldBeTrue();
        operatorCoverage.Covers(AccountRole.Operator, new ScopePlace(palembang, "16", "16.71")).ShouldBeFalse();
        var hubCoverage = await accounts.CoverageAsync(hubId, CancellationToken.None);
        hubCoverage.Covers(AccountRole.HubAdministrator, new ScopePlace(lumajang, "35", "35.08")).ShouldBeTrue();
        hubCoverage.Covers(AccountRole.HubAdministrator, new ScopePlace(palembang, "16", "16.71")).ShouldBeFalse();

        // Revoked, the grant covers nothing any more.
        await Portal.WithDbAsync(db => db.RoleGrants.Where(g => g.UserId == operatorId).ExecuteUpdateAsync(u => u.SetProperty(g => g.RevokedAt, DateTimeOffset.UnixEpoch)));
        (await accounts.CoverageAsync(operatorId, CancellationToken.None)).Roles.ShouldBeEmpty();
    }

    private async Task<AccountResult> CreateAsync(string email, string name, string password, AccountRole role, GrantScope scope, string? key)
    {
        await using var services = Portal.Services.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<AccountDirectory>().CreateAsync(email, name, password, role, scope, key, null, CancellationToken.None);
    }
}

public sealed class SqliteAccountStoreTests() : AccountStoreTests(DatabaseProvider.Sqlite);

public sealed class PostgresAccountStoreTests() : AccountStoreTests(DatabaseProvider.PostgreSql);
