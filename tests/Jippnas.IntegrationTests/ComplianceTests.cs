using System.Globalization;
using System.Net;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.IntegrationTests;

/// <summary>
/// One agency, one innovation on both databases: a hub administrator enters a government's agencies and the
/// province's policy; innovations count for an agency whether recorded under it or under its government with its
/// name or acronym as unit; the government, province and national pages and their CSV/XLSX agree; bad input is named.
/// </summary>
public abstract class ComplianceTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    private const int Pacitan = 266; // Pemerintah Kabupaten Pacitan, 35.01
    private static readonly int Year = AdminHttp.Today.Year;

    [SkippableFact]
    public async Task A_governments_agencies_are_counted_by_new_and_continuing_innovations_up_to_the_national_rollup()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        await AdminHttp.EnsureAccountAsync(Portal, "hub@jatimprov.go.id", "Admin Hub Jatim", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var hubAdmin = await AdminHttp.SignInAsync(Portal, "hub@jatimprov.go.id", AdminHttp.Password, null);
        var page = $"/satu-opd-satu-inovasi/pemerintah/{Pacitan}";

        // Bad lists are refused by line, and nothing is added.
        (await PostAsync(hubAdmin, $"{page}?handler=opds", new() { ["opds"] = "  \n " })).Body.ShouldContain("tulis satu nama OPD per baris");
        (await PostAsync(hubAdmin, $"{page}?handler=opds", new() { ["opds"] = "Dinas Kesehatan\nAB" })).Body.ShouldContain("baris 2: nama OPD 3–300 karakter");
        (await Portal.WithDbAsync(db => db.Agencies.CountAsync(a => a.ParentId == Pacitan && a.Kind == AgencyKind.RegionalAgency))).ShouldBe(0);
        (await PostAsync(hubAdmin, $"{page}?handler=opds", new() { ["opds"] = "Dinas Kesehatan; DINKES\nDinas Pendidikan\r\nBadan Perencanaan Pembangunan Daerah; BAPPEDA\ndinas kesehatan" })).Status.ShouldBe(HttpStatusCode.Redirect);
        var opds = await Portal.WithDbAsync(db => db.Agencies.Where(a => a.ParentId == Pacitan && a.Kind == AgencyKind.RegionalAgency).ToDictionaryAsync(a => a.Name, a => a.Id));
        opds.Count.ShouldBe(3); // the repeated name is one agency

        // Counted: new under the agency; continuing under the government by unit name; stopped last year by acronym (not
        // continuing); unpublished (not counted).
        await Portal.WithDbAsync(async db =>
        {
            db.Innovations.AddRange(
                Innovation("Puskesmas Ramah Lansia", opds["Dinas Kesehatan"], null, Year, InnovationStatus.Running, null),
                Innovation("Sekolah Digital Desa", Pacitan, "Dinas Pendidikan", Year - 1, InnovationStatus.Running, null),
                Innovation("Posyandu Keliling", Pacitan, "DINKES", Year - 3, InnovationStatus.Stopped, new DateOnly(Year - 1, 3, 1)),
                Innovation("Perencanaan Terbuka", opds["Badan Perencanaan Pembangunan Daerah"], null, Year, InnovationStatus.Running, null, published: false));
            return await db.SaveChangesAsync();
        });

        var csv = await hubAdmin.GetStringAsync($"{page}?handler=export&format=csv&tahun={Year}");
        csv.ShouldContain($"{opds["Dinas Kesehatan"]},Dinas Kesehatan,DINKES,{Year},1,0,ya");
        csv.ShouldContain($"{opds["Dinas Pendidikan"]},Dinas Pendidikan,,{Year},0,1,tidak");
        csv.ShouldContain($"Badan Perencanaan Pembangunan Daerah,BAPPEDA,{Year},0,0,tidak");
        var earlier = await hubAdmin.GetStringAsync($"{page}?handler=export&format=csv&tahun={Year - 2}");
        earlier.ShouldContain($"Dinas Kesehatan,DINKES,{Year - 2},0,1,tidak"); // the stopped one still ran then

        var government = WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync(page));
        government.ShouldContain("1 dari 3 OPD berinovasi baru");
        government.ShouldContain("OPD tanpa inovasi baru");

        // The province records its policy; a year to come and a bad year are refused by field.
        var province = "/satu-opd-satu-inovasi/35";
        (await PostAsync(hubAdmin, $"{province}?handler=policy", new() { ["from_year"] = $"{Year + 5}" })).Body.ShouldContain("Berlaku sejak tahun");
        (await PostAsync(hubAdmin, $"{province}?handler=policy", new() { ["from_year"] = "2022", ["decree"] = "Surat Edaran Gubernur No. 1/2022" })).Status.ShouldBe(HttpStatusCode.Redirect);
        var rollup = WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync(province));
        rollup.ShouldContain("sejak 2022");
        rollup.ShouldContain("Pemerintah Kabupaten Pacitan");
        var national = WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync("/satu-opd-satu-inovasi"));
        national.ShouldContain("1 dari 3 OPD berinovasi baru");
        var xlsx = await Portal.Browser().GetAsync("/satu-opd-satu-inovasi?handler=export&format=xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await Portal.Browser().GetStringAsync("/satu-opd-satu-inovasi?handler=export&format=csv")).ShouldContain("35,Jawa Timur,");

        // Bad parameters are named; people without the hub's permission cannot write.
        var badYear = await Portal.Browser().GetAsync("/satu-opd-satu-inovasi?tahun=abc");
        badYear.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await badYear.Content.ReadAsStringAsync()).ShouldContain("tahun: 'abc' harus tahun");
        (await Portal.Browser().GetAsync($"{page}?handler=export&format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Portal.Browser().GetAsync("/satu-opd-satu-inovasi/99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var ministry = await Portal.WithDbAsync(db => db.Agencies.Where(a => a.Kind == AgencyKind.Ministry).Select(a => a.Id).FirstAsync());
        (await Portal.Browser().GetAsync($"/satu-opd-satu-inovasi/pemerintah/{ministry}")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not a regional government
        await AdminHttp.EnsureAccountAsync(Portal, "hub@sumselprov.go.id", "Admin Hub Sumsel", AccountRole.HubAdministrator, GrantScope.Province, "16");
        var otherHub = await AdminHttp.SignInAsync(Portal, "hub@sumselprov.go.id", AdminHttp.Password, null);
        (await PostAsync(otherHub, $"{page}?handler=opds", new() { ["opds"] = "Dinas Pariwisata" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(otherHub, $"{province}?handler=policy", new() { ["from_year"] = "2020" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Portal.WithDbAsync(db => db.ProvincePolicies.SingleAsync())).AdoptedFromYear.ShouldBe(2022);
    }

    private static Innovation Innovation(string name, int agency, string? unit, int year, InnovationStatus status, DateOnly? confirmed, bool published = true) => new()
    {
        Name = name, AgencyId = agency, UnitName = unit, ProvinceCode = "35", RegencyCode = "35.01", YearStarted = year, Status = status, StatusConfirmedOn = confirmed,
        IsPublished = published, Provenance = Provenance.Submitted, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };

    private static Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string path, Dictionary<string, string> fields) =>
        AdminHttp.PostReadAsync(client, path, fields);
}

public sealed class SqliteComplianceTests() : ComplianceTests(DatabaseProvider.Sqlite);

public sealed class PostgresComplianceTests() : ComplianceTests(DatabaseProvider.PostgreSql);
