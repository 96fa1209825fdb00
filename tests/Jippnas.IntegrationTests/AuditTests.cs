using System.Net;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.IntegrationTests;

/// <summary>
/// The audit log on both databases: writes through the application and sign-in events are recorded with who, when,
/// from where, before and after; secrets are not; the log refuses changes and deletions; administrators search and
/// download it, with bad filters named.
/// </summary>
public abstract class AuditTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    [SkippableFact]
    public async Task Writes_and_sign_ins_are_recorded_without_secrets()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var admin = await AdminHttp.ClientAsync(Portal);
        (await AdminHttp.PostAsync(admin, "/admin/akun?handler=invite", new()
        {
            ["Form.Email"] = "operator@pacitankab.go.id", ["Form.FullName"] = "Operator Pacitan", ["Form.Role"] = "Operator", ["Form.Scope"] = "Agency", ["Form.Key"] = "266",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var grant = await Portal.WithDbAsync(db => db.RoleGrants.Where(g => g.Role == AccountRole.Operator).Select(g => g.Id).SingleAsync());
        (await AdminHttp.PostAsync(admin, $"/admin/akun?handler=revoke&grant={grant}", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AdminHttp.PostAsync(Portal.Browser(), "/masuk", new() { ["Email"] = AdminHttp.AdminEmail, ["Password"] = "bukan-sandinya-sama-sekali" }, tokenFrom: "/masuk")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var log = await Portal.WithDbAsync(db => db.AuditLog.OrderBy(a => a.Id).ToListAsync());
        log.ShouldContain(a => a.Action == "insert" && a.Entity == "role_grants" && a.Actor == "sistem"); // the administrator, made outside a request
        var invited = log.Single(a => a.Action == "insert" && a.Entity == "role_grants" && a.Actor != "sistem");
        invited.Actor.ShouldBe(AdminHttp.AdminEmail);
        invited.After.ShouldNotBeNull().ShouldContain("\"ScopeKey\":\"266\"");
        var revoked = log.Single(a => a.Action == "update" && a.Entity == "role_grants");
        revoked.EntityId.ShouldBe($"{grant}");
        revoked.Before.ShouldNotBeNull().ShouldContain("\"RevokedAt\":null");
        revoked.After.ShouldNotBeNull().ShouldContain("RevokedAt");
        log.ShouldContain(a => a.Action == "sign-in" && a.Actor == AdminHttp.AdminEmail);
        log.ShouldContain(a => a.Action == "sign-in-failed" && a.Actor == AdminHttp.AdminEmail);

        // No password hash, security stamp, authenticator key or recovery code is ever written to the log.
        var hash = await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == AdminHttp.AdminEmail).Select(u => u.PasswordHash!).SingleAsync());
        var tokens = await Portal.WithDbAsync(db => db.Set<Microsoft.AspNetCore.Identity.IdentityUserToken<int>>().Select(t => t.Value!).ToListAsync());
        foreach (var secret in tokens.Append(hash))
        {
            log.ShouldNotContain(a => (a.Before ?? "").Contains(secret, StringComparison.Ordinal) || (a.After ?? "").Contains(secret, StringComparison.Ordinal));
        }
    }

    [SkippableFact]
    public async Task The_log_refuses_changes_and_deletions()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        await AdminHttp.ClientAsync(Portal);
        var count = await Portal.WithDbAsync(db => db.AuditLog.CountAsync());
        count.ShouldBeGreaterThan(0);
        await Should.ThrowAsync<Exception>(() => Portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_log SET actor = 'orang lain'")));
        await Should.ThrowAsync<Exception>(() => Portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log")));
        (await Portal.WithDbAsync(db => db.AuditLog.CountAsync())).ShouldBe(count);
        (await Portal.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Actor == "orang lain"))).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Administrators_filter_and_download_the_log_and_bad_filters_are_named()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var admin = await AdminHttp.ClientAsync(Portal);
        await AdminHttp.PostAsync(Portal.Browser(), "/masuk", new() { ["Email"] = "penyusup@contoh.go.id", ["Password"] = "tebak-tebak-saja-123" }, tokenFrom: "/masuk");

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var page = await admin.GetStringAsync($"/admin/audit?aksi=sign-in-failed&dari={today}&sampai={today}");
        page.ShouldContain("penyusup@contoh.go.id");
        (await admin.GetStringAsync("/admin/audit?aksi=sign-in-failed&sampai=2020-01-01")).ShouldNotContain("penyusup@contoh.go.id");

        var csv = await admin.GetAsync("/admin/audit?aksi=sign-in-failed&handler=export&format=csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = await csv.Content.ReadAsStringAsync();
        text.ShouldContain("waktu_utc");
        text.ShouldContain("penyusup@contoh.go.id");
        (await admin.GetAsync("/admin/audit?handler=export&format=xlsx")).Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var badDate = await admin.GetAsync("/admin/audit?dari=24-11-2026");
        badDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badDate.Content.ReadAsStringAsync()).ShouldContain("dari: tulis tanggal");
        (await admin.GetAsync("/admin/audit?handler=export&format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

public sealed class SqliteAuditTests() : AuditTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditTests() : AuditTests(DatabaseProvider.PostgreSql);
