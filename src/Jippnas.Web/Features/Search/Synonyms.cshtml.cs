using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Jippnas.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Search;

/// <summary>
/// The administrator's list of synonym, acronym and English groups: add a group, change its phrases, switch it
/// off. Portals use a change within seconds on this instance and within five minutes on the others.
/// </summary>
[Authorize(Policy = SearchPermissions.EditSynonyms)]
public sealed class SynonymsModel(JippnasDb db, SearchVocabulary vocabulary, Texts t, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SearchSynonym> Groups { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    [BindProperty]
    public SynonymForm Form { get; set; } = new();

    public int? Editing { get; private set; }

    public async Task OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        Editing = edit;
        await LoadAsync(cancellationToken);
        if (edit is { } id && Groups.FirstOrDefault(g => g.Id == id) is { } group)
        {
            Form = new SynonymForm { Kind = group.Kind, Phrases = group.Phrases, Note = group.Note, IsActive = group.IsActive };
        }
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        var group = id is null ? null : await db.SearchSynonyms.AsTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (id is not null && group is null)
        {
            return NotFound();
        }

        string phrases = "";
        if (!Enum.IsDefined(Form.Kind))
        {
            ModelState.AddModelError("Form.Kind", t["Pilih jenis: sinonim, singkatan, atau bahasa Inggris."]);
        }

        try
        {
            phrases = SearchSynonym.NormalisePhrases(Form.Phrases);
        }
        catch (DomainException exception)
        {
            ModelState.AddModelError("Form.Phrases", t[exception.Message]);
        }

        if (Form.Note is { Length: > 500 })
        {
            ModelState.AddModelError("Form.Note", t["Catatan paling panjang 500 karakter."]);
        }

        if (ModelState.IsValid && await db.SearchSynonyms.AnyAsync(s => s.Phrases == phrases && s.Id != (id ?? 0), cancellationToken))
        {
            ModelState.AddModelError("Form.Phrases", t["Kelompok dengan frasa yang sama sudah ada."]);
        }

        if (!ModelState.IsValid)
        {
            Editing = id;
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var now = clock.GetUtcNow();
        if (group is null)
        {
            db.SearchSynonyms.Add(new SearchSynonym { Kind = Form.Kind, Phrases = phrases, Note = Form.Note, IsActive = true, CreatedAt = now, UpdatedAt = now });
            Flash = t.Format("Kelompok ditambahkan: {0}", phrases);
        }
        else
        {
            group.Kind = Form.Kind;
            group.Phrases = phrases;
            group.Note = Form.Note;
            group.IsActive = Form.IsActive;
            group.UpdatedAt = now;
            Flash = t.Format("Kelompok disimpan: {0}", phrases);
        }

        await db.SaveChangesAsync(cancellationToken);
        vocabulary.Invalidate();
        return RedirectToPage();
    }

    public static string KindName(SynonymKind kind, Texts t) => kind switch
    {
        SynonymKind.Synonym => t["Sinonim"],
        SynonymKind.Acronym => t["Singkatan"],
        SynonymKind.English => t["Bahasa Inggris"],
    };

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Groups = await db.SearchSynonyms.AsNoTracking().OrderBy(s => s.Kind).ThenBy(s => s.Phrases).ToListAsync(cancellationToken);
}

public sealed class SynonymForm
{
    public SynonymKind Kind { get; set; } = SynonymKind.Synonym;
    public string? Phrases { get; set; }
    public string? Note { get; set; }
    public bool IsActive { get; set; } = true;
}
