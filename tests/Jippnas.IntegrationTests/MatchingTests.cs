using System.Net;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.IntegrationTests;

/// <summary>
/// Matching a regency's need on both databases, through the page: innovations whose words answer the problem are
/// suggested with their reasons, the needing regency's own left out and the better evidenced first; one is
/// shortlisted (once) with a link that opens its replication; bad parameters are refused by name; a hub
/// administrator of another province may not match this regency's needs.
/// </summary>
public abstract class MatchingTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    [SkippableFact]
    public async Task A_need_gets_reasoned_suggestions_and_a_shortlist()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        await AdminHttp.EnsureAccountAsync(Portal, "padanan@jatimprov.go.id", "Admin Hub Jatim", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var adminId = await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == "padanan@jatimprov.go.id").Select(u => u.Id).SingleAsync());
        var ids = await Portal.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            Innovation Make(string name, string regency, int awards, InnovationStatus status) => new()
            {
                Name = name, Summary = "Pendampingan gizi ibu hamil dan balita di posyandu untuk menurunkan angka stunting.",
                ProvinceCode = regency[..2], RegencyCode = regency, Status = status, AwardCount = awards, CreatedAt = now, UpdatedAt = now,
            };
            var own = Make("Posyandu Stunting Pacitan", "35.01", 5, InnovationStatus.Running);
            var strong = Make("Gerakan Cegah Stunting Banyuwangi", "35.10", 3, InnovationStatus.Running);
            var weak = Make("Kelas Gizi Stunting Sambas", "61.01", 0, InnovationStatus.Unconfirmed);
            db.Innovations.AddRange(own, strong, weak);
            var need = new Need
            {
                RegencyCode = "35.01", Problem = "Angka stunting balita tinggi; posyandu belum mendampingi gizi ibu hamil.", Priority = NeedPriority.High,
                Origin = NeedOrigin.Other, Status = NeedStatus.Open, CreatedBy = adminId, CreatedAt = now, UpdatedAt = now,
            };
            db.Needs.Add(need);
            await db.SaveChangesAsync();
            return (Own: own.Id, Strong: strong.Id, Weak: weak.Id, Need: need.Id);
        });
        await SearchPortal.IndexAsync(Portal, [ids.Own, ids.Strong, ids.Weak], cleanUp: true);
        var hubAdmin = await AdminHttp.SignInAsync(Portal, "padanan@jatimprov.go.id", AdminHttp.Password, null);

        var page = WebUtility.HtmlDecode(await hubAdmin.GetStringAsync($"/kelola/padanan?kebutuhan={ids.Need}"));
        page.ShouldNotContain("Posyandu Stunting Pacitan"); // the regency's own
        page.IndexOf("Gerakan Cegah Stunting Banyuwangi", StringComparison.Ordinal).ShouldBeLessThan(page.IndexOf("Kelas Gizi Stunting Sambas", StringComparison.Ordinal));
        page.ShouldContain("meraih 3 penghargaan; masih berjalan; berasal dari jenis daerah yang sama dan provinsi yang sama.");

        // Shortlisted once; the list links to opening its replication for this need.
        var shortlist = $"/kelola/padanan?kebutuhan={ids.Need}";
        (await AdminHttp.PostAsync(hubAdmin, shortlist, new() { ["asal"] = $"{ids.Strong}" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AdminHttp.PostAsync(hubAdmin, shortlist, new() { ["asal"] = $"{ids.Strong}" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Portal.WithDbAsync(db => db.Shortlist.CountAsync())).ShouldBe(1);
        WebUtility.HtmlDecode(await hubAdmin.GetStringAsync(shortlist)).ShouldContain($"/kelola/replikasi?asal={ids.Strong}&kebutuhan={ids.Need}");
        (await AdminHttp.PostReadAsync(hubAdmin, shortlist, new() { ["asal"] = "999999" })).Body.ShouldContain("Inovasi: '999999' bukan inovasi terbit");

        // A problem in words; bad parameters named; another province's hub refused; an unknown need not found.
        WebUtility.HtmlDecode(await hubAdmin.GetStringAsync("/kelola/padanan?masalah=stunting%20balita&wilayah=35.02")).ShouldContain("Posyandu Stunting Pacitan");
        var province = WebUtility.HtmlDecode(await hubAdmin.GetStringAsync("/kelola/padanan?masalah=stunting%20balita&wilayah=35")); // a province's own need
        province.ShouldContain("Daftar pendek Jawa Timur");
        province.ShouldContain("Gerakan Cegah Stunting Banyuwangi");
        var bad = await hubAdmin.GetAsync("/kelola/padanan?masalah=stunting&wilayah=35.1&sektor=abc");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        body.ShouldContain("wilayah: '35.1' bukan kode provinsi atau kabupaten/kota");
        body.ShouldContain("sektor: 'abc' tidak dikenal");
        (await hubAdmin.GetAsync("/kelola/padanan?kebutuhan=999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await AdminHttp.EnsureAccountAsync(Portal, "padanan@kalbarprov.go.id", "Admin Hub Kalbar", AccountRole.HubAdministrator, GrantScope.Province, "61");
        var other = await AdminHttp.SignInAsync(Portal, "padanan@kalbarprov.go.id", AdminHttp.Password, null);
        (await other.GetAsync($"/kelola/padanan?kebutuhan={ids.Need}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class SqliteMatchingTests() : MatchingTests(DatabaseProvider.Sqlite);

public sealed class PostgresMatchingTests() : MatchingTests(DatabaseProvider.PostgreSql);
