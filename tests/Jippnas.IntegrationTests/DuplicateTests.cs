using System.Net;
using System.Text;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Duplicates;
using Jippnas.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests;

/// <summary>
/// The same innovation from two sources is proposed once with its reasons; a curator merges it (and can undo the
/// merge exactly) or rejects it (never proposed again). A fresh database per test class, on both engines.
/// </summary>
public abstract class DuplicateTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    [SkippableFact]
    public async Task The_same_innovation_from_two_sources_is_proposed_merged_undone_and_a_rejected_pair_stays_rejected()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        // KIPP first, then IGA writes the same innovation its own way; Bondowoso replicated it under the same name.
        var kipp = "ID Proposal,Judul Inovasi,Singkatan,Instansi,Kabupaten/Kota,Tahun Inisiasi,Penghargaan\n"
            + "DP-K1,Sistem Informasi Ketersediaan Darah,SIKADAR,Dinas Kesehatan Kabupaten Lumajang,35.08,2019,KIPP_TOP99\n"
            + "DP-K2,Smart Kampung,,Pemkab Banyuwangi,35.10,2016,\n";
        var iga = "ID Inovasi,Nama Inovasi,Perangkat Daerah,Pemda,Tahun Penerapan\n"
            + "DP-I1,SI KADAR (Sistem Informasi Ketersediaan Darah),Dinkes Lumajang,35.08,2020\n"
            + "DP-I2,Smart Kampung,Pemkab Bondowoso,35.11,2019\n";
        var first = await ImportAsync(kipp, "KIPP");
        (await ProposeAsync(first)).ShouldBe(0);
        (await ProposeAsync(await ImportAsync(iga, "IGA"))).ShouldBe(1);

        var ids = await Portal.WithDbAsync(db => db.SourceRecords.Where(s => s.ExternalId.StartsWith("DP-")).ToDictionaryAsync(s => s.ExternalId, s => s.InnovationId!.Value));
        var pair = await Portal.WithDbAsync(db => db.DuplicatePairs.SingleAsync());
        (pair.FirstId, pair.SecondId).ShouldBe((ids["DP-K1"], ids["DP-I1"]));
        pair.State.ShouldBe(DuplicateState.Proposed);
        pair.Reasons.ShouldContain("SameRegencyCity");

        var admin = await AdminAsync();
        var list = await admin.GetStringAsync("/admin/duplikat");
        list.ShouldContain("Sistem Informasi Ketersediaan Darah");
        list.ShouldContain("kabupaten/kota sama");

        // Merge into the KIPP record: the IGA record's source moves, its page leads to the kept one, search shows one.
        (await PostAsync(admin, "/admin/duplikat?handler=merge", new() { ["pair"] = $"{pair.Id}", ["keep"] = $"{ids["DP-K1"]}" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var merged = await Portal.WithDbAsync(async db => new
        {
            Sources = await db.SourceRecords.Where(s => s.InnovationId == ids["DP-K1"]).Select(s => s.ExternalId).OrderBy(s => s).ToListAsync(),
            OtherPublished = await db.Innovations.Where(i => i.Id == ids["DP-I1"]).Select(i => i.IsPublished).SingleAsync(),
            Awards = await db.Innovations.Where(i => i.Id == ids["DP-K1"]).Select(i => i.AwardCount).SingleAsync(),
        });
        merged.Sources.ShouldBe(["DP-I1", "DP-K1"]);
        merged.OtherPublished.ShouldBeFalse();
        merged.Awards.ShouldBe(1);
        var redirect = await admin.GetAsync($"/inovasi/{ids["DP-I1"]}");
        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirect.Headers.Location!.ToString().ShouldBe($"/inovasi/{ids["DP-K1"]}");
        (await admin.GetStringAsync("/api/v1/search?q=ketersediaan+darah")).ShouldNotContain($"\"id\":{ids["DP-I1"]},");

        // A second merge of the same pair, or a keep outside it, is refused by name and changes nothing.
        var again = await PostAsync(admin, "/admin/duplikat?handler=merge", new() { ["pair"] = $"{pair.Id}", ["keep"] = $"{ids["DP-K1"]}" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("sudah diputuskan");

        // Undo: exactly as before.
        (await PostAsync(admin, "/admin/duplikat?handler=undo", new() { ["pair"] = $"{pair.Id}" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var undone = await Portal.WithDbAsync(async db => new
        {
            Kept = await db.SourceRecords.Where(s => s.InnovationId == ids["DP-K1"]).Select(s => s.ExternalId).ToListAsync(),
            Other = await db.SourceRecords.Where(s => s.InnovationId == ids["DP-I1"]).Select(s => s.ExternalId).ToListAsync(),
            OtherPublished = await db.Innovations.Where(i => i.Id == ids["DP-I1"]).Select(i => i.IsPublished).SingleAsync(),
            State = await db.DuplicatePairs.Where(p => p.Id == pair.Id).Select(p => p.State).SingleAsync(),
        });
        undone.Kept.ShouldBe(["DP-K1"]);
        undone.Other.ShouldBe(["DP-I1"]);
        undone.OtherPublished.ShouldBeTrue();
        undone.State.ShouldBe(DuplicateState.Proposed);
        (await admin.GetAsync($"/inovasi/{ids["DP-I1"]}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Rejected: a later search for duplicates of both does not propose it again.
        (await PostAsync(admin, "/admin/duplikat?handler=reject", new() { ["pair"] = $"{pair.Id}" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ProposeAsync([.. ids.Values])).ShouldBe(0);
        (await Portal.WithDbAsync(db => db.DuplicatePairs.Select(p => p.State).ToListAsync())).ShouldBe([DuplicateState.Rejected]);
        (await admin.GetStringAsync("/admin/duplikat?state=ditolak")).ShouldContain("Sistem Informasi Ketersediaan Darah");

        // Every decision is in the audit log with the curator's name: the merge (what moved), the undo, the rejection.
        var log = await Portal.WithDbAsync(db => db.AuditLog.Where(a => a.Entity == "duplicate_pairs" && a.EntityId == $"{pair.Id}" && a.Action == "update").OrderBy(a => a.Id).ToListAsync());
        log.Count.ShouldBe(3);
        log.ShouldAllBe(a => a.Actor == AdminHttp.AdminEmail);
        log[0].After.ShouldNotBeNull().ShouldContain("OtherId"); // the merge record: what moved, so it can be undone
        log[2].After.ShouldNotBeNull().ShouldContain($"\"State\":{(int)DuplicateState.Rejected}");
        (await Portal.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Entity == "innovations" && a.EntityId == $"{ids["DP-I1"]}" && a.Action == "update" && a.After!.Contains("IsPublished")))).ShouldBe(2);
    }

    [SkippableFact]
    public async Task An_operator_sees_likely_duplicates_before_recording_and_bad_input_is_named()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        await ImportAsync("ID Proposal,Judul Inovasi,Singkatan,Kabupaten/Kota,Tahun Inisiasi\nDC-1,Gerakan Ayo Sekolah Lagi,GASAK,33.02,2018\nDC-2,Pasar Murah Keliling,,15.71,2021\n", "KIPP");
        var admin = await AdminAsync();

        var page = await admin.GetStringAsync("/admin/duplikat/cek?name=Ayo+Sekolah+Lagi&acronym=GASAK&region=33.02&year=2019");
        page.ShouldContain("Gerakan Ayo Sekolah Lagi");
        page.ShouldNotContain("Pasar Murah Keliling");
        (await admin.GetStringAsync("/admin/duplikat/cek?name=Pasar+Murah+Keliling&region=33.02")).ShouldContain("Tidak ada inovasi yang kemungkinan sama");

        var badRegion = await admin.GetAsync("/admin/duplikat/cek?name=Apa+Saja&region=99.99");
        badRegion.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badRegion.Content.ReadAsStringAsync()).ShouldContain("Region");
        (await admin.GetAsync("/admin/duplikat?state=entah")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(admin, "/admin/duplikat?handler=undo", new() { ["pair"] = "999999" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var anonymous = Portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await anonymous.GetAsync("/admin/duplikat")).Headers.Location!.OriginalString.ShouldContain("/masuk?kembali=");
    }

    [SkippableFact]
    public async Task A_curator_adds_lists_and_deletes_name_mappings_and_a_target_nothing_knows_is_refused_by_name()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var admin = await AdminAsync();

        var refused = await AdminHttp.PostAsync(admin, "/admin/impor/nama", new() { ["kind"] = "0", ["written"] = "Kab. Entah", ["target"] = "Atlantis" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Atlantis");
        (await Portal.WithDbAsync(db => db.NameMappings.CountAsync())).ShouldBe(0);

        (await AdminHttp.PostAsync(admin, "/admin/impor/nama", new() { ["kind"] = "0", ["written"] = "Kab. OKU", ["target"] = "16.01" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var ministry = await Portal.WithDbAsync(db => db.Agencies.Where(a => a.RegionCode == null && a.Acronym != null).Select(a => new { a.Name, a.Acronym }).FirstAsync());
        (await AdminHttp.PostAsync(admin, "/admin/impor/nama", new() { ["kind"] = "1", ["written"] = "Kementerian Yang Dimaksud", ["target"] = ministry.Acronym! })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await admin.GetStringAsync("/admin/impor/nama");
        list.ShouldContain("kabupaten oku");
        list.ShouldContain("Kabupaten Ogan Komering Ulu");
        list.ShouldContain(ministry.Name);

        var id = await Portal.WithDbAsync(db => db.NameMappings.Where(m => m.Written == "kabupaten oku").Select(m => m.Id).SingleAsync());
        (await AdminHttp.PostAsync(admin, "/admin/impor/nama?handler=delete", new() { ["id"] = $"{id}" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/admin/impor/nama")).ShouldNotContain("kabupaten oku");
        (await Portal.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.Entity == "name_mappings" && a.Action == "delete" && a.EntityId == $"{id}"))).Before.ShouldNotBeNull().ShouldContain("kabupaten oku");
        (await AdminHttp.PostAsync(admin, "/admin/impor/nama?handler=delete", new() { ["id"] = $"{id}" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<ImportSummary> ImportAsync(string csv, string source)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var bytes = Encoding.UTF8.GetBytes(csv);
        var summary = await scope.ServiceProvider.GetRequiredService<ExchangeImport>().ImportAsync(() => new MemoryStream(bytes), source);
        summary.Errors.ShouldBeEmpty();
        return summary;
    }

    private Task<int> ProposeAsync(ImportSummary summary) => ProposeAsync([.. summary.Touched]);

    private async Task<int> ProposeAsync(int[] ids)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DuplicateFinder>().ProposeAsync(ids, null, CancellationToken.None);
    }

    private Task<HttpClient> AdminAsync() => AdminHttp.ClientAsync(Portal);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields) => AdminHttp.PostAsync(client, path, fields);
}

public sealed class SqliteDuplicateTests() : DuplicateTests(DatabaseProvider.Sqlite);

public sealed class PostgresDuplicateTests() : DuplicateTests(DatabaseProvider.PostgreSql);
