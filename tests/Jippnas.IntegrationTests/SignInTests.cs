using System.Net;
using System.Text.RegularExpressions;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Tests;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests;

/// <summary>
/// Signing in on both databases: an invitation mailed and accepted, a wrong password said the same way for every
/// account, lockout after five failures, the password policy (length and the common-password list), a reset by
/// mail whose link works once, two-step sign-in set up on the page and then asked for, and the administrator's
/// role counting only once two-step sign-in is set up.
/// </summary>
public abstract partial class SignInTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    private const string Invitee = "siti@dinkes.jatimprov.go.id";

    [SkippableFact]
    public async Task An_invited_operator_sets_a_password_from_the_mail_and_signs_in()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var admin = await AdminHttp.ClientAsync(Portal);
        var invited = await AdminHttp.PostAsync(admin, "/admin/akun?handler=invite", new()
        {
            ["Form.Email"] = Invitee, ["Form.FullName"] = "Siti Rahmawati", ["Form.Role"] = "Operator", ["Form.Scope"] = "Agency", ["Form.Key"] = "1",
        });
        invited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/admin/akun")).ShouldContain("Undangan terkirim ke " + Invitee);

        // Before the link is used the account cannot sign in.
        (await SignInFormAsync(Portal.Browser(), Invitee, "apa-saja-yang-panjang")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var link = LinkIn(Portal.LatestMailTo(Invitee));
        link.ShouldContain("undangan=true");
        var visitor = Client();
        var page = await visitor.GetStringAsync(link);
        page.ShouldContain("Aktifkan akun");
        var fields = HiddenFields(page);

        // The policy: too short, common, and two that differ are refused, naming the field.
        (await SetPasswordAsync(visitor, fields, "pendek", "pendek")).ShouldContain("Kata sandi baru: ");
        (await SetPasswordAsync(visitor, fields, "password123456", "password123456")).ShouldContain("terlalu umum");
        (await SetPasswordAsync(visitor, fields, "kopi-tubruk-lumajang-2026", "kopi-tubruk-lumajang-2027")).ShouldContain("Ulangi kata sandi: tidak sama");
        (await SetPasswordAsync(visitor, fields, "kopi-tubruk-lumajang-2026", "kopi-tubruk-lumajang-2026")).ShouldContain("Kata sandi tersimpan");

        // The link is spent.
        (await SetPasswordAsync(visitor, fields, "kopi-tubruk-lumajang-2027", "kopi-tubruk-lumajang-2027")).ShouldContain("Tautan ini sudah tidak berlaku");

        var signedIn = await AdminHttp.SignInAsync(Portal, Invitee, "kopi-tubruk-lumajang-2026", null);
        var account = await signedIn.GetStringAsync("/akun");
        account.ShouldContain("Operator instansi");
        account.ShouldContain("Kelola data inovasi");
        account.ShouldNotContain("/admin/impor");
        (await signedIn.GetAsync("/admin/akun")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task A_bad_invitation_names_the_field_and_stores_nothing()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var admin = await AdminHttp.ClientAsync(Portal);
        var before = await Portal.WithDbAsync(db => db.Users.CountAsync());
        async Task<string> InviteAsync(string email, string role, string scope, string key)
        {
            var response = await AdminHttp.PostAsync(admin, "/admin/akun?handler=invite", new() { ["Form.Email"] = email, ["Form.FullName"] = "Nama", ["Form.Role"] = role, ["Form.Scope"] = scope, ["Form.Key"] = key });
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, response.Headers.Location?.OriginalString);
            return await response.Content.ReadAsStringAsync();
        }

        (await InviteAsync("bukan-surel", "Operator", "Agency", "1")).ShouldContain("Email: ");
        (await InviteAsync("a@b.go.id", "Operator", "Province", "35")).ShouldContain("Cakupan: ");
        (await InviteAsync("a@b.go.id", "Operator", "Agency", "99999999")).ShouldContain("tidak ditemukan");
        (await InviteAsync("a@b.go.id", "Raja", "Agency", "1")).ShouldContain("Peran: ");
        (await Portal.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(before);
        Directory.Exists(Portal.MailFolder).ShouldBeFalse();
    }

    [SkippableFact]
    public async Task Wrong_passwords_are_answered_alike_and_five_lock_the_account()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        await AdminHttp.EnsureAccountAsync(Portal, "hub@jatimprov.go.id", "Admin Hub Jatim", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var browser = Client();
        var unknown = await (await SignInFormAsync(browser, "tidak-ada@contoh.go.id", "salah-sekali-sandi")).Content.ReadAsStringAsync();
        var wrong = await (await SignInFormAsync(browser, "hub@jatimprov.go.id", "salah-sekali-sandi")).Content.ReadAsStringAsync();
        unknown.ShouldContain("Email atau kata sandi salah");
        wrong.ShouldContain("Email atau kata sandi salah");

        for (var i = 0; i < 4; i++)
        {
            await SignInFormAsync(browser, "hub@jatimprov.go.id", "salah-sekali-sandi");
        }

        // Locked: even the right password is refused, with the reason.
        var locked = await SignInFormAsync(browser, "hub@jatimprov.go.id", AdminHttp.Password);
        locked.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await locked.Content.ReadAsStringAsync()).ShouldContain("dikunci sementara");
        (await SignInFormAsync(browser, "", "")).Content.ReadAsStringAsync().Result.ShouldContain("Email: wajib diisi.");
    }

    [SkippableFact]
    public async Task A_forgotten_password_is_reset_by_mail_and_the_answer_never_says_who_has_an_account()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        await AdminHttp.EnsureAccountAsync(Portal, "mentor@ugm.ac.id", "Mentor UGM", AccountRole.Mentor, GrantScope.Hub, "1");
        var browser = Client();
        var forUnknown = await AdminHttp.PostAsync(browser, "/masuk/lupa", new() { ["Email"] = "siapa@contoh.go.id" }, tokenFrom: "/masuk/lupa");
        var forKnown = await AdminHttp.PostAsync(browser, "/masuk/lupa", new() { ["Email"] = "mentor@ugm.ac.id" }, tokenFrom: "/masuk/lupa");
        Scrub(await forUnknown.Content.ReadAsStringAsync()).ShouldBe(Scrub(await forKnown.Content.ReadAsStringAsync()));

        // A forged Host header does not steer the link: it is built from Jippnas:PublicBaseUrl.
        var forged = Client();
        forged.DefaultRequestHeaders.Host = "penyerang.example";
        await AdminHttp.PostAsync(forged, "/masuk/lupa", new() { ["Email"] = "mentor@ugm.ac.id" }, tokenFrom: "/masuk/lupa");
        var mail = Portal.LatestMailTo("mentor@ugm.ac.id");
        mail.ShouldNotContain("penyerang.example");
        mail.ShouldContain("http://localhost/masuk/atur-ulang?");
        var link = LinkIn(mail);
        var page = await browser.GetStringAsync(link);
        page.ShouldContain("Buat kata sandi baru");
        (await SetPasswordAsync(browser, HiddenFields(page), "gudeg-wijilan-malam-hari", "gudeg-wijilan-malam-hari")).ShouldContain("Kata sandi tersimpan");
        await AdminHttp.SignInAsync(Portal, "mentor@ugm.ac.id", "gudeg-wijilan-malam-hari", null);
        (await SignInFormAsync(Client(), "mentor@ugm.ac.id", AdminHttp.Password)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A tampered link does nothing.
        var tampered = HiddenFields(page);
        tampered["kode"] = tampered["kode"][..^4] + "AAAA";
        (await SetPasswordAsync(browser, tampered, "rendang-padang-pedas-sekali", "rendang-padang-pedas-sekali")).ShouldContain("Tautan ini sudah tidak berlaku");
    }

    [SkippableFact]
    public async Task A_curator_sets_up_two_step_sign_in_before_the_role_counts_and_is_then_asked_for_a_code()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        await AdminHttp.EnsureAccountAsync(Portal, "kurator@lan.go.id", "Kurator LAN", AccountRole.Curator, GrantScope.National, null);
        var curator = await AdminHttp.SignInAsync(Portal, "kurator@lan.go.id", AdminHttp.Password, null);
        (await curator.GetStringAsync("/akun")).ShouldContain("baru berlaku setelah Anda memasang verifikasi dua langkah");
        (await curator.GetAsync("/admin/impor")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var setup = await curator.GetStringAsync("/akun/dua-langkah");
        setup.ShouldContain("data:image/png;base64,");
        var key = Regex.Match(setup, "<code id=\"kunci\">([^<]+)</code>").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        (await AdminHttp.PostAsync(curator, "/akun/dua-langkah", new() { ["Code"] = "000000" }, tokenFrom: "/akun/dua-langkah")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var done = await AdminHttp.PostAsync(curator, "/akun/dua-langkah", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, tokenFrom: "/akun/dua-langkah");
        var codes = await done.Content.ReadAsStringAsync();
        codes.ShouldContain("Kode pemulihan");
        var recovery = Regex.Matches(codes, "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value).ToList();
        recovery.Count.ShouldBe(10);
        (await curator.GetAsync("/admin/impor")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Next time the password alone is not enough; a wrong code is refused; a recovery code works once.
        var browser = Client();
        (await SignInFormAsync(browser, "kurator@lan.go.id", AdminHttp.Password)).Headers.Location!.OriginalString.ShouldStartWith("/masuk/dua-langkah");
        (await browser.GetAsync("/admin/impor")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AdminHttp.PostAsync(browser, "/masuk/dua-langkah", new() { ["Code"] = "123456" }, tokenFrom: "/masuk/dua-langkah")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AdminHttp.PostAsync(browser, "/masuk/dua-langkah", new() { ["Code"] = recovery[0] }, tokenFrom: "/masuk/dua-langkah")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/admin/impor")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = Client();
        await SignInFormAsync(again, "kurator@lan.go.id", AdminHttp.Password);
        var reused = await AdminHttp.PostAsync(again, "/masuk/dua-langkah", new() { ["Code"] = recovery[0] }, tokenFrom: "/masuk/dua-langkah");
        reused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, reused.Headers.Location?.OriginalString);
    }

    [SkippableFact]
    public async Task A_revoked_grant_stops_counting_at_the_next_request()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var key = await AdminHttp.EnsureAccountAsync(Portal, "kurator2@lan.go.id", "Kurator Dua", AccountRole.Curator, GrantScope.National, null, twoFactor: true);
        var curator = await AdminHttp.SignInAsync(Portal, "kurator2@lan.go.id", AdminHttp.Password, key);
        (await curator.GetAsync("/admin/sinonim")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = await AdminHttp.ClientAsync(Portal);
        var grant = await Portal.WithDbAsync(db => db.RoleGrants.Where(g => g.Role == AccountRole.Curator).Select(g => g.Id).SingleAsync());
        (await AdminHttp.PostAsync(admin, $"/admin/akun?handler=revoke&grant={grant}", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AdminHttp.PostAsync(admin, $"/admin/akun?handler=revoke&grant={grant}", [])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await curator.GetAsync("/admin/sinonim")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Portal.WithDbAsync(db => db.RoleGrants.SingleAsync(g => g.Id == grant))).RevokedAt.ShouldNotBeNull();
    }

    private HttpClient Client() => Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static Task<HttpResponseMessage> SignInFormAsync(HttpClient client, string email, string password) =>
        AdminHttp.PostAsync(client, "/masuk", new() { ["Email"] = email, ["Password"] = password }, tokenFrom: "/masuk");

    private static async Task<string> SetPasswordAsync(HttpClient client, Dictionary<string, string> hidden, string password, string confirm)
    {
        var fields = new Dictionary<string, string>(hidden) { ["Password"] = password, ["Confirm"] = confirm };
        var response = await client.PostAsync("/masuk/atur-ulang", new FormUrlEncodedContent(fields));
        return await response.Content.ReadAsStringAsync();
    }

    private static Dictionary<string, string> HiddenFields(string page)
    {
        var fields = Regex.Matches(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["__RequestVerificationToken"] = AdminHttp.Token(page);
        return fields;
    }

    private static string LinkIn(string mail) => new Uri(Regex.Match(mail, @"http://\S+").Value).PathAndQuery;

    // The page without its antiforgery token, which differs on every answer.
    private static string Scrub(string page) => Regex.Replace(page, "value=\"[^\"]{40,}\"", "");
}

public sealed class SqliteSignInTests() : SignInTests(DatabaseProvider.Sqlite);

public sealed class PostgresSignInTests() : SignInTests(DatabaseProvider.PostgreSql);

/// <summary>Each address may try to sign in, search and use the API a set number of times a minute; more are refused with 429 and when to retry.</summary>
public abstract class SignInLimitTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    [SkippableFact]
    public async Task Too_many_attempts_from_one_address_are_refused_with_retry_after()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var browser = Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await browser.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@b.go.id", ["Password"] = "salah" })));
        }

        answers.Take(3).ShouldAllBe(a => a.StatusCode != HttpStatusCode.TooManyRequests);
        answers[3].StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(answers[3].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Search_and_the_api_are_limited_per_address_with_retry_after()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var browser = Portal.Browser();
        for (var i = 0; i < 5; i++)
        {
            (await browser.GetAsync(i % 2 == 0 ? "/api/v1/regions/35" : "/cari?q=pelayanan")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await browser.GetAsync("/api/v1/regions/35");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.Contains("Retry-After").ShouldBeTrue();
        (await browser.GetAsync("/cari?q=pelayanan")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await browser.GetAsync("/inovasi")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    protected override PortalFactory CreatePortal(TestDatabase database) =>
        new(database, new Dictionary<string, string> { ["Jippnas:Accounts:SignInPerMinute"] = "3", ["Jippnas:RateLimits:PerMinute"] = "5" });
}

public sealed class SqliteSignInLimitTests() : SignInLimitTests(DatabaseProvider.Sqlite);

public sealed class PostgresSignInLimitTests() : SignInLimitTests(DatabaseProvider.PostgreSql);
