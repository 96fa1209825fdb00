using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jippnas.BrowserTests;

/// <summary>
/// Replication in Chromium, as people do it, from a regency's need: the hub's mentor matches the recorded need to
/// innovations worth replicating, finds the origin suggested with its reasons and puts it on the regency's shortlist;
/// the hub administrator follows the shortlist's link to the form already filled with the origin and the need, and
/// opens a modified replication for a regency government of the province; the agency's operator moves it through
/// agreement and a study visit to its action plan, which is refused once for an amount that is not rupiah and then
/// saved with two budgeted activities; the replication goes on to implementation and the origin's public page shows
/// it in its lineage. With JavaScript off and on, on a 360-px phone, every page checked with axe (WCAG 2.1 AA) where
/// scripts run.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class ReplicationPageTests(PortalFixture portal)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Jippnas.Web.Features.Shared.Formats.Jakarta).DateTime);

    [SkippableTheory]
    [InlineData(false, "63", "63.01")]
    [InlineData(true, "61", "61.01")]
    public async Task A_hub_opens_a_replication_the_agency_takes_it_to_implementation_and_the_origin_shows_it(bool javaScript, string province, string regency)
    {
        var options = new BrowserNewContextOptions { JavaScriptEnabled = javaScript, ViewportSize = new ViewportSize { Width = 360, Height = 740 } };
        portal.RequireBrowser();
        var (agencyId, agencyName, originId, originAgency, replicationCount) = (0, "", 0, "", 0);
        var (hubId, needId) = (0, 0);
        var mentorEmail = $"replikasi-mentor-{province}@univ.ac.id";
        await portal.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<JippnasDb>();
            hubId = await db.Hubs.Where(h => h.ProvinceCode == province).Select(h => h.Id).SingleAsync();
            await portal.AccountAsync(mentorEmail, mentorEmail, AccountRole.Mentor, GrantScope.Hub, hubId.ToString(CultureInfo.InvariantCulture), AccessView.NeedsTwoFactor(AccountRole.Mentor));
            var agency = await db.Agencies.Where(a => a.RegionCode == regency && a.Kind == AgencyKind.RegencyGovernment).Select(a => new { a.Id, a.Name }).SingleAsync();
            (agencyId, agencyName) = (agency.Id, agency.Name);
            var origin = await db.Innovations
                .Where(i => i.IsPublished && i.EditorialState == EditorialState.Published && i.AgencyId != null && i.AgencyId != agency.Id)
                .OrderBy(i => i.Id).Select(i => new { i.Id, i.Name, i.Summary, Agency = i.Agency!.Name, i.ReplicationCount }).FirstAsync();
            (originId, originAgency, replicationCount) = (origin.Id, origin.Agency, origin.ReplicationCount);

            // The regency's need, recorded by its mentor in the words of the origin that no other innovation uses.
            var others = await db.Innovations.Where(i => i.IsPublished && i.Id != origin.Id).Select(i => new { i.Name, i.Summary }).ToListAsync();
            var used = others.SelectMany(i => Words($"{i.Name} {i.Summary}")).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var words = Words($"{origin.Name} {origin.Summary}").Where(w => w.Length >= 6 && !used.Contains(w))
                .Distinct(StringComparer.OrdinalIgnoreCase).Take(3).Select(w => w.ToLowerInvariant()).ToList();
            words.Count.ShouldBeGreaterThanOrEqualTo(2, $"the origin {origin.Name} has too few words of its own to be searched by");
            var mentor = await db.Users.Where(u => u.Email == mentorEmail).Select(u => u.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            var need = new Need
            {
                RegencyCode = regency, Problem = string.Join(' ', words), Priority = NeedPriority.High, Origin = NeedOrigin.MentoringStageOne,
                Status = NeedStatus.Open, CreatedBy = mentor, CreatedAt = now, UpdatedAt = now,
            };
            db.Needs.Add(need);
            await db.SaveChangesAsync();
            needId = need.Id;
        });
        try
        {
            await WalkAsync(options, javaScript, province, hubId, mentorEmail, needId, agencyId, agencyName, originId, originAgency);
        }
        finally
        {
            // The other tests on this portal read the origin's page and count the drafts: the replication, its
            // records and its drafted replica end here, then the shortlist and the need the replication answered,
            // and the origin is counted as before.
            await portal.InScopeAsync(services => RemoveAsync(services.GetRequiredService<JippnasDb>(), originId, agencyId, replicationCount, regency, needId));
        }
    }

    private async Task WalkAsync(BrowserNewContextOptions options, bool javaScript, string province, int hubId, string mentorEmail, int needId, int agencyId, string agencyName, int originId, string originAgency)
    {
        // The hub's mentor matches the regency's need: the origin is suggested with its reasons and goes on the shortlist.
        var opening = $"/kelola/replikasi?asal={originId}&kebutuhan={needId}";
        await using (var mentorContext = await portal.SignedInContextAsync(options, mentorEmail, AccountRole.Mentor, GrantScope.Hub, hubId.ToString(CultureInfo.InvariantCulture)))
        {
            var mentor = await mentorContext.NewPageAsync();
            (await mentor.GotoAsync($"/kelola/padanan?kebutuhan={needId}")).ShouldNotBeNull().Status.ShouldBe(200);
            await Pages.CheckAsync(mentor, javaScript);
            var card = mentor.Locator("ol.cards li.card").Filter(new LocatorFilterOptions { Has = mentor.Locator($"h3 a[href='/inovasi/{originId}']") });
            (await card.CountAsync()).ShouldBe(1, $"the origin {originId} is not among the suggestions for need {needId}: {await mentor.Locator("main").TextContentAsync()}");
            (await card.Locator("p:not(.meta)").TextContentAsync()).ShouldNotBeNullOrWhiteSpace(); // the reasons
            await card.Locator("button >> text=Masukkan ke daftar pendek").ClickAsync();
            (await mentor.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Masuk daftar pendek");
            (await mentor.Locator("main ul a", new PageLocatorOptions { HasTextString = "Buka replikasi" }).GetAttributeAsync("href")).ShouldBe(opening);
            await Pages.CheckAsync(mentor, javaScript);
        }

        // The hub administrator of the province follows the shortlist's link and opens a modified replication for
        // the regency government: the origin and the need are filled in already.
        await using var hubContext = await portal.SignedInContextAsync(options, $"replikasi-hub-{province}@prov.go.id", AccountRole.HubAdministrator, GrantScope.Province, province);
        var hub = await hubContext.NewPageAsync();
        (await hub.GotoAsync(opening)).ShouldNotBeNull().Status.ShouldBe(200);
        await Pages.CheckAsync(hub, javaScript);
        (await hub.InputValueAsync("#origin")).ShouldBe(originId.ToString(CultureInfo.InvariantCulture));
        (await hub.InputValueAsync("#need")).ShouldBe(needId.ToString(CultureInfo.InvariantCulture));
        await hub.FillAsync("#agency", agencyId.ToString(CultureInfo.InvariantCulture));
        await hub.SelectOptionAsync("#adaptation", "modifikasi");
        await hub.FillAsync("#adaptation_note", "Layanan dijalankan oleh kecamatan, bukan oleh dinas di ibu kota kabupaten.");
        await hub.ClickAsync("button >> text=Buka replikasi");
        await hub.WaitForURLAsync("**/kelola/replikasi/*");
        var id = hub.Url.Split('/')[^1];
        id.ShouldMatch(@"^\d+$");
        (await hub.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Replikasi dibuka");
        var facts = await hub.TextContentAsync("dl.facts") ?? "";
        facts.ShouldContain("Diusulkan");
        facts.ShouldContain(agencyName);
        facts.ShouldContain("Layanan dijalankan oleh kecamatan");
        await Pages.CheckAsync(hub, javaScript);

        // The agency's operator records the owner's agreement and a study visit, then starts the action plan.
        await using var operatorContext = await portal.SignedInContextAsync(options, $"replikasi-operator-{province}@kab.go.id", AccountRole.Operator, GrantScope.Agency, agencyId.ToString(CultureInfo.InvariantCulture));
        var agency = await operatorContext.NewPageAsync();
        (await agency.GotoAsync($"/kelola/replikasi/{id}")).ShouldNotBeNull().Status.ShouldBe(200);
        await Pages.CheckAsync(agency, javaScript);
        await AdvanceAsync(agency, javaScript, "disetujui", "Disetujui pemilik inovasi");
        await AdvanceAsync(agency, javaScript, "studi-tiru", "Studi tiru");
        await agency.FillAsync("#visit_on", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        (await agency.InputValueAsync("#host")).ShouldBe(originAgency); // the origin's owner, proposed
        await agency.FillAsync("#host", $"{originAgency} dan perangkat daerahnya");
        await agency.FillAsync("#participant_count", "12");
        await agency.FillAsync("#cost", "Rp12.500.000");
        await agency.FillAsync("#findings", "Pendataan sasaran layanan dilakukan bersama RT dan kelurahan setiap bulan.");
        await agency.ClickAsync("button >> text=Simpan studi tiru");
        (await agency.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Studi tiru tercatat");
        var visit = Compact(await agency.TextContentAsync("ul.cards li.card") ?? "");
        visit.ShouldContain("12peserta");
        visit.ShouldContain("Rp12.500.000");
        await Pages.CheckAsync(agency, javaScript);
        await AdvanceAsync(agency, javaScript, "rencana-aksi", "Rencana aksi");

        // The action plan: an amount that is not rupiah is refused and named; two budgeted activities are saved.
        (await agency.GotoAsync($"/kelola/replikasi/{id}/rencana-aksi")).ShouldNotBeNull().Status.ShouldBe(200);
        await Pages.CheckAsync(agency, javaScript);
        await agency.FillAsync("#item1_activity", "Pendataan sasaran layanan per desa");
        await agency.FillAsync("#item1_amount", "25jt");
        await agency.ClickAsync("button >> text=Simpan rencana aksi");
        (await agency.TextContentAsync(".errors")).ShouldNotBeNull().ShouldContain("Kegiatan 1 — anggaran");
        await Pages.CheckAsync(agency, javaScript);
        var fiscalYear = (Today.Year + 1).ToString(CultureInfo.InvariantCulture);
        (await agency.InputValueAsync("#item1_activity")).ShouldBe("Pendataan sasaran layanan per desa"); // kept
        await agency.FillAsync("#item1_amount", "25.000.000");
        await agency.SelectOptionAsync("#item1_source", "apbd");
        await agency.FillAsync("#item1_fiscal_year", fiscalYear);
        await agency.FillAsync("#item2_activity", "Pelatihan petugas layanan kecamatan");
        await agency.FillAsync("#item2_amount", "7.500.000");
        await agency.SelectOptionAsync("#item2_source", "apbd");
        await agency.FillAsync("#item2_fiscal_year", fiscalYear);
        await agency.ClickAsync("button >> text=Simpan rencana aksi");
        (await agency.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Rencana aksi tersimpan");
        var total = Compact(await agency.TextContentAsync("table tfoot") ?? "");
        total.ShouldContain("Rp32.500.000");
        Compact(await agency.TextContentAsync("table tbody") ?? "").ShouldContain($"{fiscalYear}APBDRp32.500.000");
        await Pages.CheckAsync(agency, javaScript);

        // Budgeted, tried out and implemented.
        (await agency.GotoAsync($"/kelola/replikasi/{id}")).ShouldNotBeNull().Status.ShouldBe(200);
        (await agency.TextContentAsync("dl.facts")).ShouldNotBeNull().ShouldContain("2 kegiatan");
        await AdvanceAsync(agency, javaScript, "dianggarkan", "Dianggarkan");
        await AdvanceAsync(agency, javaScript, "uji-coba", "Uji coba");
        await AdvanceAsync(agency, javaScript, "diterapkan", "Diterapkan");
        (await agency.TextContentAsync("dl.facts")).ShouldNotBeNull().ShouldContain("Diterapkan");

        // Anyone sees on the origin's page that it was replicated, and by whom.
        await using var publicContext = await portal.NewContextAsync(options);
        var visitor = await publicContext.NewPageAsync();
        (await visitor.GotoAsync($"/inovasi/{originId}")).ShouldNotBeNull().Status.ShouldBe(200);
        var lineage = await visitor.TextContentAsync("section[aria-labelledby=replikasi]") ?? "";
        lineage.ShouldContain("Direplikasi");
        lineage.ShouldContain(agencyName);
        lineage.ShouldContain("Diterapkan");
        await Pages.CheckAsync(visitor, javaScript);

        // The whole lineage as a table, with who each replicated from.
        (await visitor.GotoAsync($"/inovasi/{originId}/replikasi")).ShouldNotBeNull().Status.ShouldBe(200);
        (await visitor.TextContentAsync("table tbody") ?? "").ShouldContain(agencyName);
        await Pages.CheckAsync(visitor, javaScript);
    }

    // Moves the replication on the open page to the stage with this slug and checks the page says so.
    private static async Task AdvanceAsync(IPage page, bool javaScript, string stage, string name)
    {
        await page.SelectOptionAsync("#stage", stage);
        await page.ClickAsync("button >> text=Simpan tahap");
        (await page.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain($"Replikasi kini pada tahap {name}.");
        await Pages.CheckAsync(page, javaScript);
    }

    // Money is written the id-ID way, whose spaces (if any) may be non-breaking: compared without them.
    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static async Task RemoveAsync(JippnasDb db, int originId, int agencyId, int replicationCount, string regency, int needId)
    {
        var replications = await db.Replications.Where(r => r.OriginId == originId && r.AgencyId == agencyId)
            .Select(r => new { r.Id, r.ReplicaId }).ToListAsync();
        var ids = replications.Select(r => r.Id).ToList();
        var replicas = replications.Where(r => r.ReplicaId != null).Select(r => r.ReplicaId!.Value).ToList();
        var plans = await db.ActionPlans.Where(p => ids.Contains(p.ReplicationId)).Select(p => p.Id).ToListAsync();
        await db.StudyVisits.Where(v => ids.Contains(v.ReplicationId)).ExecuteDeleteAsync();
        await db.ActionItems.Where(i => plans.Contains(i.PlanId)).ExecuteDeleteAsync();
        await db.ActionPlanComments.Where(c => plans.Contains(c.PlanId)).ExecuteDeleteAsync();
        await db.ActionPlans.Where(p => plans.Contains(p.Id)).ExecuteDeleteAsync();
        await db.ReplicationStages.Where(s => ids.Contains(s.ReplicationId)).ExecuteDeleteAsync();
        await db.Replications.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync();
        await db.InnovationRevisions.Where(v => replicas.Contains(v.InnovationId) || (v.EditionId != null && replicas.Contains(v.EditionId.Value))).ExecuteDeleteAsync();
        await db.Innovations.Where(i => i.RevisionOfId != null && replicas.Contains(i.RevisionOfId.Value)).ExecuteDeleteAsync();
        await db.Innovations.Where(i => replicas.Contains(i.Id)).ExecuteDeleteAsync();
        await db.Innovations.Where(i => i.Id == originId).ExecuteUpdateAsync(s => s.SetProperty(i => i.ReplicationCount, replicationCount));
        await db.Shortlist.Where(s => s.NeedId == needId || (s.RegencyCode == regency && s.InnovationId == originId)).ExecuteDeleteAsync();
        await db.Needs.Where(n => n.Id == needId).ExecuteDeleteAsync();
    }

    // The words of a text, as the letters between anything else.
    private static string[] Words(string text) =>
        text.Split(text.Where(c => !char.IsLetter(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);
}
