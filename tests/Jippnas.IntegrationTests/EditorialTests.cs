using System.Net;
using System.Text.RegularExpressions;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.IntegrationTests;

/// <summary>
/// The editorial workflow on both databases, through the pages: an operator's draft checked field by field,
/// submitted, returned with a comment by the hub administrator of its province, fixed, verified and published; a
/// published record revised while it stays public; a stale save refused with the differences; every change in the
/// history and an earlier version restored; another agency's or province's people refused, the data unchanged.
/// </summary>
public abstract partial class EditorialTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    private const int Pacitan = 266; // Pemerintah Kabupaten Pacitan, 35.01 (Jawa Timur)
    private const int Ponorogo = 267; // 35.02, also Jawa Timur
    private const int OganKomeringUlu = 137; // 16.01, Sumatera Selatan

    [SkippableFact]
    public async Task A_draft_goes_from_operator_to_public_through_a_return_with_comments()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var operatorClient = await SignInAsync("operator@pacitankab.go.id", AccountRole.Operator, GrantScope.Agency, $"{Pacitan}");
        var hub = await SignInAsync("hub@jatimprov.go.id", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var otherHub = await SignInAsync("hub@sumselprov.go.id", AccountRole.HubAdministrator, GrantScope.Province, "16");

        // Field by field: no name, an agency outside the grant, a bad year and link.
        var bad = await PostAsync(operatorClient, "/kelola/inovasi/baru", Fields(("name", ""), ("agency", $"{OganKomeringUlu}"), ("year", "dua ribu"), ("video_url", "javascript:alert(1)")));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await bad.Content.ReadAsStringAsync();
        page.ShouldContain("Nama inovasi: wajib diisi.");
        page.ShouldContain("Instansi: pilih instansi yang termasuk cakupan akun Anda.");
        page.ShouldContain("Tahun mulai: tulis tahun dengan empat angka");
        page.ShouldContain("Tautan video: tulis alamat lengkap");
        (await Portal.WithDbAsync(db => db.Innovations.CountAsync(i => i.Provenance == Provenance.Submitted))).ShouldBe(0);

        var created = await PostAsync(operatorClient, "/kelola/inovasi/baru", Fields(("name", "Sapa Warga Pacitan"), ("agency", $"{Pacitan}")));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        (await Portal.Browser().GetAsync($"/inovasi/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherHub.GetAsync($"/kelola/inovasi/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Submitting needs the narrative; each missing field is named and nothing moves.
        var early = await PostAsync(operatorClient, $"/kelola/inovasi/{id}?handler=submit", Fields(("name", "Sapa Warga Pacitan"), ("agency", $"{Pacitan}")).With("versi", await VersionAsync(id)));
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.Content.ReadAsStringAsync()).ShouldContain("Ringkasan: wajib diisi sebelum diajukan.");
        (await StateAsync(id)).ShouldBe(EditorialState.Draft);

        (await PostAsync(operatorClient, $"/kelola/inovasi/{id}?handler=submit", Complete("Sapa Warga Pacitan").With("versi", await VersionAsync(id)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StateAsync(id)).ShouldBe(EditorialState.Submitted);
        (await hub.GetStringAsync("/kelola/inovasi")).ShouldContain("Sapa Warga Pacitan");
        (await otherHub.GetStringAsync("/kelola/inovasi")).ShouldNotContain("Sapa Warga Pacitan");

        // Under review the operator cannot change it; another province's hub cannot act on it.
        (await PostAsync(operatorClient, $"/kelola/inovasi/{id}?handler=save", Complete("Diubah diam-diam").With("versi", await VersionAsync(id)))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(otherHub, $"/kelola/inovasi/{id}?handler=verify", new() { ["versi"] = await VersionAsync(id) })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(operatorClient, $"/kelola/inovasi/{id}?handler=verify", new() { ["versi"] = await VersionAsync(id) })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A return needs a comment, which the operator then reads.
        var noComment = await PostAsync(hub, $"/kelola/inovasi/{id}?handler=return", new() { ["versi"] = await VersionAsync(id), ["catatan"] = " " });
        noComment.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noComment.Content.ReadAsStringAsync()).ShouldContain("Tulis catatan");
        (await PostAsync(hub, $"/kelola/inovasi/{id}?handler=return", new() { ["versi"] = await VersionAsync(id), ["catatan"] = "Lengkapi data dampak dengan angka sebelum dan sesudah." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StateAsync(id)).ShouldBe(EditorialState.Returned);
        (await operatorClient.GetStringAsync($"/kelola/inovasi/{id}")).ShouldContain("Lengkapi data dampak dengan angka sebelum dan sesudah.");

        var fixedForm = Complete("Sapa Warga Pacitan");
        fixedForm["F[impact]"] = "Waktu tanggap aduan turun dari 7 hari menjadi 2 hari.";
        (await PostAsync(operatorClient, $"/kelola/inovasi/{id}?handler=submit", fixedForm.With("versi", await VersionAsync(id)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(hub, $"/kelola/inovasi/{id}?handler=publish", new() { ["versi"] = await VersionAsync(id) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(hub, $"/kelola/inovasi/{id}?handler=verify", new() { ["versi"] = await VersionAsync(id) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(hub, $"/kelola/inovasi/{id}?handler=publish", new() { ["versi"] = await VersionAsync(id) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var published = await Portal.Browser().GetStringAsync($"/inovasi/{id}");
        published.ShouldContain("Sapa Warga Pacitan");
        published.ShouldContain("Waktu tanggap aduan turun");
        published.ShouldNotContain("0812-3456-7890"); // the innovator's phone stays private
        (await Portal.Browser().GetStringAsync("/cari?q=sapa+warga+pacitan")).ShouldContain($"/inovasi/{id}");

        var history = await operatorClient.GetStringAsync($"/kelola/inovasi/{id}/riwayat");
        foreach (var step in new[] { "Dibuat", "Diajukan", "Dikembalikan", "Diverifikasi", "Diterbitkan", "Lengkapi data dampak" })
        {
            history.ShouldContain(step);
        }
    }

    [SkippableFact]
    public async Task A_published_record_is_revised_beside_its_public_page_and_an_earlier_version_restored()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var operatorClient = await SignInAsync("operator@pacitankab.go.id", AccountRole.Operator, GrantScope.Agency, $"{Pacitan}");
        var hub = await SignInAsync("hub@jatimprov.go.id", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var id = await PublishedAsync(operatorClient, hub, "Pacitan Sehat Bersama");

        var revise = await PostAsync(operatorClient, $"/kelola/inovasi/{id}?handler=revise", new() { ["versi"] = await VersionAsync(id) });
        revise.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var draft = int.Parse(revise.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        draft.ShouldNotBe(id);
        (await PostAsync(operatorClient, $"/kelola/inovasi/{draft}?handler=submit", Complete("Pacitan Sehat Bersama Warga").With("versi", await VersionAsync(draft)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Until the revision is published the public sees the published edition, and only it.
        (await Portal.Browser().GetStringAsync($"/inovasi/{id}")).ShouldNotContain("Bersama Warga");
        (await Portal.Browser().GetAsync($"/inovasi/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync(hub, $"/kelola/inovasi/{draft}?handler=verify", new() { ["versi"] = await VersionAsync(draft) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(hub, $"/kelola/inovasi/{draft}?handler=publish", new() { ["versi"] = await VersionAsync(draft) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Portal.Browser().GetStringAsync($"/inovasi/{id}")).ShouldContain("Pacitan Sehat Bersama Warga");
        (await Portal.WithDbAsync(db => db.Innovations.CountAsync(i => i.Id == draft))).ShouldBe(0);

        var history = await operatorClient.GetStringAsync($"/kelola/inovasi/{id}/riwayat");
        history.ShouldContain("Revisi dimulai");
        history.ShouldContain("Pacitan Sehat Bersama Warga");

        // Restoring the first version starts a revision holding the old name; the public page keeps the new one.
        var restore = await PostAsync(operatorClient, $"/kelola/inovasi/{id}/riwayat?handler=restore&number=1", []);
        restore.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var restored = int.Parse(restore.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        (await Portal.WithDbAsync(db => db.Innovations.SingleAsync(i => i.Id == restored))).Name.ShouldBe("Pacitan Sehat Bersama");
        (await Portal.WithDbAsync(db => db.Innovations.SingleAsync(i => i.Id == id))).Name.ShouldBe("Pacitan Sehat Bersama Warga");
    }

    [SkippableFact]
    public async Task A_revision_published_after_an_import_changed_the_record_keeps_both_changes_or_goes_back_naming_the_clash()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var operatorClient = await SignInAsync("operator@pacitankab.go.id", AccountRole.Operator, GrantScope.Agency, $"{Pacitan}");
        var hub = await SignInAsync("hub@jatimprov.go.id", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var id = await PublishedAsync(operatorClient, hub, "Aduan Desa Pacitan");

        // The operator's revision renames it; meanwhile a provincial portal sends the record back with a new summary.
        var draft = await ReviseAsync(operatorClient, id, Complete("Aduan Desa Pacitan Terpadu"));
        (await StepAsync(hub, draft, "verify")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var versionBefore = int.Parse(await VersionAsync(id), System.Globalization.CultureInfo.InvariantCulture);
        (await ImportSummaryAsync(id, "Ringkasan baru dari portal provinsi.")).Updated.ShouldBe(1);
        (await VersionAsync(id)).ShouldBe($"{versionBefore + 1}");

        (await StepAsync(hub, draft, "publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var published = await Portal.WithDbAsync(db => db.Innovations.SingleAsync(i => i.Id == id));
        (published.Name, published.Summary).ShouldBe(("Aduan Desa Pacitan Terpadu", "Ringkasan baru dari portal provinsi."));

        // A second revision changes the summary the import changes again: publishing sends it back, naming the field.
        var second = await ReviseAsync(operatorClient, id, Complete("Aduan Desa Pacitan Terpadu").With("F[summary]", "Ringkasan yang ditulis operator."));
        (await StepAsync(hub, second, "verify")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ImportSummaryAsync(id, "Ringkasan kedua dari portal provinsi.")).Updated.ShouldBe(1);
        var clash = await StepAsync(hub, second, "publish");
        clash.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = WebUtility.HtmlDecode(await clash.Content.ReadAsStringAsync());
        page.ShouldContain("Ringkasan: yang terbit «Ringkasan kedua dari portal provinsi.», revisi «Ringkasan yang ditulis operator.»");
        (await StateAsync(second)).ShouldBe(EditorialState.Returned);
        (await Portal.WithDbAsync(db => db.Innovations.SingleAsync(i => i.Id == id))).Summary.ShouldBe("Ringkasan kedua dari portal provinsi.");
        (await Portal.WithDbAsync(db => db.Innovations.SingleAsync(i => i.Id == second))).Summary.ShouldBe("Ringkasan yang ditulis operator.");

        // Submitted again and verified, it is published over the import's value: the clash was seen and decided.
        (await PostAsync(operatorClient, $"/kelola/inovasi/{second}?handler=submit", Complete("Aduan Desa Pacitan Terpadu").With("F[summary]", "Ringkasan yang ditulis operator.").With("versi", await VersionAsync(second)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StepAsync(hub, second, "verify")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StepAsync(hub, second, "publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Portal.WithDbAsync(db => db.Innovations.SingleAsync(i => i.Id == id))).Summary.ShouldBe("Ringkasan yang ditulis operator.");
    }

    [SkippableFact]
    public async Task A_version_that_can_no_longer_be_restored_is_refused_and_writes_nothing()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var operatorClient = await SignInAsync("operator@pacitankab.go.id", AccountRole.Operator, GrantScope.Agency, $"{Pacitan}");
        var hub = await SignInAsync("hub@jatimprov.go.id", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var id = await PublishedAsync(operatorClient, hub, "Pacitan Cepat Tanggap");

        // Revision 1 names Pacitan; the operator now works for Ponorogo only, where a revision moved the record.
        await Portal.WithDbAsync(async db =>
        {
            var record = await db.Innovations.AsTracking().SingleAsync(i => i.Id == id);
            record.AgencyId = Ponorogo;
            return await db.SaveChangesAsync();
        });
        var moved = await SignInAsync("operator@ponorogo.go.id", AccountRole.Operator, GrantScope.Agency, $"{Ponorogo}");
        var (records, revisions) = await Portal.WithDbAsync(async db => (await db.Innovations.CountAsync(), await db.InnovationRevisions.CountAsync()));

        var refused = await PostAsync(moved, $"/kelola/inovasi/{id}/riwayat?handler=restore&number=1", []);
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await moved.GetStringAsync(refused.Headers.Location!.OriginalString)).ShouldContain("Versi 1 tidak bisa dipulihkan: Instansi");
        (await Portal.WithDbAsync(async db => (await db.Innovations.CountAsync(), await db.InnovationRevisions.CountAsync()))).ShouldBe((records, revisions));
    }

    [SkippableFact]
    public async Task A_stale_save_is_refused_showing_what_the_other_person_changed()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var first = await SignInAsync("operator@pacitankab.go.id", AccountRole.Operator, GrantScope.Agency, $"{Pacitan}");
        var second = await SignInAsync("operator2@pacitankab.go.id", AccountRole.Operator, GrantScope.Agency, $"{Pacitan}");
        var created = await PostAsync(first, "/kelola/inovasi/baru", Fields(("name", "Layanan Kependudukan Keliling"), ("agency", $"{Pacitan}")));
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var readAt = await VersionAsync(id);

        (await PostAsync(first, $"/kelola/inovasi/{id}?handler=save", Fields(("name", "Layanan Adminduk Keliling"), ("agency", $"{Pacitan}")).With("versi", readAt))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await PostAsync(second, $"/kelola/inovasi/{id}?handler=save", Fields(("name", "Jemput Bola Adminduk"), ("agency", $"{Pacitan}")).With("versi", readAt));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await stale.Content.ReadAsStringAsync();
        page.ShouldContain("sudah diubah orang lain");
        page.ShouldContain("Layanan Adminduk Keliling");
        page.ShouldContain("Jemput Bola Adminduk"); // the second person's input is kept in the form
        (await Portal.WithDbAsync(db => db.Innovations.SingleAsync(i => i.Id == id))).Name.ShouldBe("Layanan Adminduk Keliling");
    }

    [SkippableFact]
    public async Task Another_agencys_operator_is_refused_every_record_id_and_nothing_changes()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var owner = await SignInAsync("operator@pacitankab.go.id", AccountRole.Operator, GrantScope.Agency, $"{Pacitan}");
        var neighbour = await SignInAsync("operator@ponorogo.go.id", AccountRole.Operator, GrantScope.Agency, $"{Ponorogo}");
        var created = await PostAsync(owner, "/kelola/inovasi/baru", Fields(("name", "Reog Digital"), ("agency", $"{Pacitan}")));
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var version = await VersionAsync(id);

        (await neighbour.GetAsync($"/kelola/inovasi/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await neighbour.GetAsync($"/kelola/inovasi/{id}/riwayat")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var handler in new[] { "save", "submit", "revise" })
        {
            (await PostAsync(neighbour, $"/kelola/inovasi/{id}?handler={handler}", Complete("Diambil alih").With("versi", version))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await PostAsync(neighbour, $"/kelola/inovasi/{id}/riwayat?handler=restore&number=1", [])).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await neighbour.GetStringAsync("/kelola/inovasi")).ShouldNotContain("Reog Digital");
        (await neighbour.GetAsync("/kelola/inovasi/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await neighbour.GetAsync("/kelola/inovasi?keadaan=entah")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var record = await Portal.WithDbAsync(db => db.Innovations.SingleAsync(i => i.Id == id));
        (record.Name, record.Version).ShouldBe(("Reog Digital", version == "1" ? 1 : int.Parse(version, System.Globalization.CultureInfo.InvariantCulture)));
        (await Portal.WithDbAsync(db => db.InnovationRevisions.CountAsync(r => r.InnovationId == id))).ShouldBe(1);
    }

    [SkippableFact]
    public async Task A_tampered_or_missing_antiforgery_token_is_refused_and_nothing_is_written()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var owner = await SignInAsync("operator@pacitankab.go.id", AccountRole.Operator, GrantScope.Agency, $"{Pacitan}");
        var token = AdminHttp.Token(await owner.GetStringAsync("/kelola/inovasi/baru"));
        var tampered = token[..^6] + (token[^6] == 'A' ? "BBBBBB" : "AAAAAA");
        foreach (var sent in new[] { tampered, "", "bukan-token" })
        {
            var fields = Fields(("name", "Masuk Tanpa Izin"), ("agency", $"{Pacitan}"));
            fields["__RequestVerificationToken"] = sent;
            (await owner.PostAsync("/kelola/inovasi/baru", new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        // Another person's valid token does not do either: tokens are bound to the signed-in account.
        var other = await SignInAsync("operator2@pacitankab.go.id", AccountRole.Operator, GrantScope.Agency, $"{Pacitan}");
        var theirs = Fields(("name", "Masuk Tanpa Izin"), ("agency", $"{Pacitan}"));
        theirs["__RequestVerificationToken"] = AdminHttp.Token(await other.GetStringAsync("/akun"));
        (await owner.PostAsync("/kelola/inovasi/baru", new FormUrlEncodedContent(theirs))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Portal.WithDbAsync(db => db.Innovations.CountAsync(i => i.Name == "Masuk Tanpa Izin"))).ShouldBe(0);
    }

    private async Task<int> PublishedAsync(HttpClient operatorClient, HttpClient hub, string name)
    {
        var created = await PostAsync(operatorClient, "/kelola/inovasi/baru", Complete(name));
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        (await PostAsync(operatorClient, $"/kelola/inovasi/{id}?handler=submit", Complete(name).With("versi", await VersionAsync(id)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(hub, $"/kelola/inovasi/{id}?handler=verify", new() { ["versi"] = await VersionAsync(id) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(hub, $"/kelola/inovasi/{id}?handler=publish", new() { ["versi"] = await VersionAsync(id) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return id;
    }

    // A workflow step with no fields, at the edition's current version.
    private async Task<HttpResponseMessage> StepAsync(HttpClient client, int id, string handler) =>
        await PostAsync(client, $"/kelola/inovasi/{id}?handler={handler}", new() { ["versi"] = await VersionAsync(id) });

    // Starts a revision of a published record and submits it with the fields given; the revision's id.
    private async Task<int> ReviseAsync(HttpClient operatorClient, int id, Dictionary<string, string> fields)
    {
        var revise = await PostAsync(operatorClient, $"/kelola/inovasi/{id}?handler=revise", new() { ["versi"] = await VersionAsync(id) });
        revise.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var draft = int.Parse(revise.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        (await PostAsync(operatorClient, $"/kelola/inovasi/{draft}?handler=submit", fields.With("versi", await VersionAsync(draft)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return draft;
    }

    // The record exported and imported back (JIPPNAS-{id}) with a new summary, as a provincial portal would send it.
    private async Task<Jippnas.Web.Features.Imports.ImportSummary> ImportSummaryAsync(int id, string summary)
    {
        var record = await Portal.WithDbAsync(db => db.Innovations.SingleAsync(i => i.Id == id));
        var line = new ExchangeLine("JIPPNAS", $"JIPPNAS-{id}", record.Name, null, "Pemerintah Kabupaten Pacitan", "35", "35.01", record.YearStarted, null, null, [], summary, record.Impact);
        var result = await ExchangeLine.ImportAsync(Portal, line.ToJson());
        result.Errors.ShouldBeEmpty();
        return result;
    }

    private async Task<HttpClient> SignInAsync(string email, AccountRole role, GrantScope scope, string key)
    {
        await AdminHttp.EnsureAccountAsync(Portal, email, email.Split('@')[0], role, scope, key);
        return await AdminHttp.SignInAsync(Portal, email, AdminHttp.Password, null);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields) => AdminHttp.PostAsync(client, path, fields);

    private Task<string> VersionAsync(int id) => Portal.WithDbAsync(async db => (await db.Innovations.Where(i => i.Id == id).Select(i => i.Version).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private Task<EditorialState> StateAsync(int id) => Portal.WithDbAsync(db => db.Innovations.Where(i => i.Id == id).Select(i => i.EditorialState).SingleAsync());

    private static Dictionary<string, string> Fields(params (string Key, string Value)[] values) => values.ToDictionary(v => $"F[{v.Key}]", v => v.Value);

    private static Dictionary<string, string> Complete(string name) => Fields(
        ("name", name), ("agency", $"{Pacitan}"), ("year", "2022"), ("phase", "2"), ("status", "1"),
        ("summary", "Warga menyampaikan aduan lewat pesan singkat dan dijawab dalam dua hari."),
        ("problem", "Aduan warga desa terpencil tidak tertangani karena jarak."),
        ("implementation", "Petugas desa menerima aduan dan meneruskannya ke dinas terkait."),
        ("impact", "Aduan yang terjawab naik dari 40 menjadi 90 persen."),
        ("contact_phone", "0812-3456-7890"));
}

internal static class FormFields
{
    public static Dictionary<string, string> With(this Dictionary<string, string> fields, string key, string value)
    {
        fields[key] = value;
        return fields;
    }
}

public sealed class SqliteEditorialTests() : EditorialTests(DatabaseProvider.Sqlite);

public sealed class PostgresEditorialTests() : EditorialTests(DatabaseProvider.PostgreSql);
