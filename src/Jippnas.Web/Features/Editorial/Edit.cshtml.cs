using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Editorial;

/// <summary>
/// One edition: its operators save and submit it; the hub administrator of its province (or a curator) returns it
/// with a comment, verifies and publishes it; a published record is revised in a draft beside it. Anyone whose
/// grants do not cover the record's agency or province is refused (403), whatever the id they type.
/// </summary>
[Authorize]
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class EditModel(JippnasDb db, CurrentAccess access, EditorialDesk desk, Evidence.EvidenceShelf evidence, IAuthorizationService authorization, Texts t) : EditionPage(db, access, t)
{
    // The request limit of this page; a file over the configured evidence limit but under this one gets its message.
    private const long UploadLimit = 64L * 1024 * 1024;

    public IReadOnlyList<Evidence.EvidenceItem> Files { get; private set; } = [];

    public long MaxFileBytes => evidence.MaxBytes;

    [BindProperty]
    public Dictionary<string, string?> F { get; set; } = [];

    [BindProperty(Name = "versi")]
    public int ReadAt { get; set; }

    [BindProperty(Name = "catatan")]
    public string? Comment { get; set; }

    public Innovation Edition { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public bool CanReview { get; private set; }

    public int? OpenRevision { get; private set; }

    public EditorialConflict? Conflict { get; private set; }

    [TempData]
    public string? Flash { get; set; }

    public bool Editable => CanEdit && Edition.EditorialState is EditorialState.Draft or EditorialState.Returned;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Form = await FormAsync(EditionFields.Of(Edition), (await EditScopeAsync(cancellationToken)).Scope, [], !Editable, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken) => SaveAsync(id, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) => SaveAsync(id, submit: true, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken) => ActAsync(id, EditorialAction.Return, review: true, cancellationToken);

    public Task<IActionResult> OnPostVerifyAsync(int id, CancellationToken cancellationToken) => ActAsync(id, EditorialAction.Verify, review: true, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken) => ActAsync(id, EditorialAction.Publish, review: true, cancellationToken);

    public Task<IActionResult> OnPostReviseAsync(int id, CancellationToken cancellationToken) => ActAsync(id, EditorialAction.Revise, review: false, cancellationToken);

    public string StateName(EditorialState state) => T[EditorialWorkflow.Name(state)];

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? berkas, string? keterangan, bool publik, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        // Files change with the edition, under review like its fields: a published record gets them through a revision.
        if (!Editable)
        {
            return await RedisplayAsync(id, EditorialOutcome.Refused("berkas", T["Berkas: dokumen hanya dapat diubah pada draf atau data yang dikembalikan; untuk data terbit, buat revisi."]), EditionFields.Of(Edition), cancellationToken);
        }

        var view = (await EditScopeAsync(cancellationToken)).View;
        var (_, error) = await evidence.AddAsync(id, berkas, keterangan, publik, view.UserId, cancellationToken);
        if (error is null)
        {
            Flash = T["Berkas tersimpan."];
            return Redirect($"/kelola/inovasi/{id}#berkas");
        }

        ModelState.Clear();
        await LoadAsync(id, cancellationToken);
        Form = await FormAsync(EditionFields.Of(Edition), (await EditScopeAsync(cancellationToken)).Scope, [("berkas", error)], !Editable, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveFileAsync(int id, long file, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        if (!Editable)
        {
            return await RedisplayAsync(id, EditorialOutcome.Refused("berkas", T["Berkas: dokumen hanya dapat diubah pada draf atau data yang dikembalikan; untuk data terbit, buat revisi."]), EditionFields.Of(Edition), cancellationToken);
        }

        if (!await evidence.RemoveAsync(id, file, cancellationToken))
        {
            return NotFound();
        }

        Flash = T["Berkas dihapus dari data ini."];
        return Redirect($"/kelola/inovasi/{id}#berkas");
    }

    private async Task<IActionResult> SaveAsync(int id, bool submit, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var (view, scope) = await EditScopeAsync(cancellationToken);
        var outcome = await desk.SaveAsync(id, F, ReadAt, scope, view.UserId, cancellationToken);
        if (outcome.Succeeded && submit)
        {
            var version = await Db.Innovations.Where(i => i.Id == id).Select(i => i.Version).FirstAsync(cancellationToken);
            outcome = await desk.ActAsync(id, EditorialAction.Submit, null, version, scope, view.UserId, cancellationToken);
        }

        if (outcome.Succeeded)
        {
            Flash = submit ? T["Data diajukan untuk diverifikasi."] : T["Perubahan tersimpan."];
            return Redirect($"/kelola/inovasi/{id}");
        }

        return await RedisplayAsync(id, outcome, EditionFields.Clean(F), cancellationToken);
    }

    private async Task<IActionResult> ActAsync(int id, EditorialAction action, bool review, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (review ? !CanReview : !CanEdit)
        {
            return Forbid();
        }

        var (view, scope) = await EditScopeAsync(cancellationToken);
        var outcome = await desk.ActAsync(id, action, Comment, ReadAt, scope, view.UserId, cancellationToken);
        if (outcome.Succeeded)
        {
            Flash = action switch
            {
                EditorialAction.Return => T["Data dikembalikan kepada instansi dengan catatan Anda."],
                EditorialAction.Verify => T["Data terverifikasi; terbitkan agar tampil untuk publik."],
                EditorialAction.Publish => T["Data terbit dan tampil untuk publik."],
                _ => T["Revisi dibuat; data yang terbit tetap tampil sampai revisi ini diterbitkan."],
            };
            return Redirect($"/kelola/inovasi/{outcome.Id}");
        }

        return await RedisplayAsync(id, outcome, shown: null, cancellationToken);
    }

    // Shows the page again with the outcome's messages, and the posted values (null: the edition's, as stored now).
    private async Task<IActionResult> RedisplayAsync(int id, EditorialOutcome outcome, IReadOnlyDictionary<string, string?>? shown, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(id, cancellationToken);
        Conflict = outcome.Conflict;
        Form = await FormAsync(shown ?? EditionFields.Of(Edition), (await EditScopeAsync(cancellationToken)).Scope, outcome.Errors, !Editable, cancellationToken);
        Response.StatusCode = outcome.Conflict is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await Db.Innovations.Include(i => i.Agency).FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } edition
            || (edition.EditorialState == EditorialState.Published && !edition.IsPublished))
        {
            return NotFound();
        }

        Edition = edition;
        var place = PlaceOf(edition);
        CanEdit = (await authorization.AuthorizeAsync(User, place, InnovationPermissions.Edit)).Succeeded;
        CanReview = (await authorization.AuthorizeAsync(User, place, InnovationPermissions.Review)).Succeeded;
        if (CanReview && edition.RevisionOfId is { } revised
            && await Db.Innovations.Where(i => i.Id == revised).Select(i => new ScopePlace(i.AgencyId, i.ProvinceCode, i.RegencyCode)).FirstOrDefaultAsync(cancellationToken) is var originalPlace)
        {
            // A revision replaces a record: its reviewer must cover the record as it stands too.
            CanReview = (await authorization.AuthorizeAsync(User, originalPlace, InnovationPermissions.Review)).Succeeded;
        }
        if (!CanEdit && !CanReview)
        {
            return Forbid();
        }

        Files = await evidence.ListAsync(edition.RevisionOfId is { } original ? [edition.Id, original] : [edition.Id], publicOnly: false, cancellationToken);
        OpenRevision = edition.EditorialState == EditorialState.Published
            ? await Db.Innovations.Where(i => i.RevisionOfId == id).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        return null;
    }
}
