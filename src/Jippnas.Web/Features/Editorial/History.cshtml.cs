using System.Text.Json;
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
/// A record's history: every revision (who, when, what, the fields changed with old and new values); its operators
/// restore an earlier version, which becomes a new revision (a revision draft, for a published record).
/// </summary>
[Authorize]
public sealed class HistoryModel(JippnasDb db, CurrentAccess access, EditorialDesk desk, IAuthorizationService authorization, Texts t) : EditionPage(db, access, t)
{
    public sealed record Entry(int Number, string? By, DateTimeOffset At, RevisionAction Action, EditorialState State, string? Comment, IReadOnlyList<FieldChange> Changes);

    public Innovation Record { get; private set; } = null!;

    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var rows = await Db.InnovationRevisions.Where(r => r.InnovationId == id).OrderByDescending(r => r.Number)
            .Select(r => new { r.Number, By = Db.Users.Where(u => u.Id == r.UserId).Select(u => u.FullName).FirstOrDefault(), r.At, r.Action, r.State, r.Comment, r.Changes })
            .ToListAsync(cancellationToken);
        Entries = [.. rows.Select(r => new Entry(r.Number, r.By, r.At, r.Action, r.State, r.Comment, JsonSerializer.Deserialize<List<FieldChange>>(r.Changes) ?? []))];
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number, CancellationToken cancellationToken)
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
        var outcome = await desk.RestoreAsync(id, number, scope, view.UserId, cancellationToken);
        if (!outcome.Succeeded)
        {
            TempData["Flash"] = string.Join(" ", outcome.Errors.Select(e => T[e.Message]));
            return Redirect($"/kelola/inovasi/{id}/riwayat");
        }

        TempData["Flash"] = T.Format("Versi #{0} dipulihkan sebagai perubahan baru.", number);
        return Redirect($"/kelola/inovasi/{outcome.Id}");
    }

    public string ActionName(RevisionAction action) => action switch
    {
        RevisionAction.Create => T["Dibuat"],
        RevisionAction.Save => T["Disimpan"],
        RevisionAction.Submit => T["Diajukan"],
        RevisionAction.Return => T["Dikembalikan"],
        RevisionAction.Verify => T["Diverifikasi"],
        RevisionAction.Publish => T["Diterbitkan"],
        RevisionAction.Revise => T["Revisi dimulai"],
        RevisionAction.Restore => T["Dipulihkan"],
        _ => action.ToString(),
    };

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await Db.Innovations.FirstOrDefaultAsync(i => i.Id == id && i.RevisionOfId == null, cancellationToken) is not { } record)
        {
            return NotFound();
        }

        Record = record;
        var place = PlaceOf(record);
        CanEdit = (await authorization.AuthorizeAsync(User, place, InnovationPermissions.Edit)).Succeeded;
        return CanEdit || (await authorization.AuthorizeAsync(User, place, InnovationPermissions.Review)).Succeeded ? null : Forbid();
    }
}
