using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Forums;

/// <summary>A hub's forums for its administrators: the province's series so far, and the form that records the next.</summary>
[Authorize(Policy = HubPermissions.Run)]
public sealed class HubForumsModel(JippnasDb db, ForumDesk desk, CurrentAccess access, IAuthorizationService authorization, Texts t) : PageModel
{
    public Hub Hub { get; private set; } = null!;

    public IReadOnlyList<Forum> Forums { get; private set; } = [];

    [BindProperty(Name = "kind")]
    public string? Kind { get; set; } = "alih-pengetahuan";

    [BindProperty(Name = "series_number")]
    public string? SeriesNumber { get; set; }

    [BindProperty(Name = "held_on")]
    public string? HeldOn { get; set; }

    [BindProperty(Name = "title")]
    public string? Title { get; set; }

    [BindProperty(Name = "organisers")]
    public string? Organisers { get; set; }

    [BindProperty(Name = "participant_count")]
    public string? ParticipantCount { get; set; }

    [BindProperty(Name = "participants")]
    public string? Participants { get; set; }

    [BindProperty(Name = "materials")]
    public string? Materials { get; set; }

    [BindProperty(Name = "outcomes")]
    public string? Outcomes { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        SeriesNumber = Hub.ProvinceCode is { } province ? $"{await desk.NextNumberAsync(province, ForumKind.KnowledgeTransfer, cancellationToken)}" : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var me = (await access.GetAsync(User, cancellationToken))!;
        var outcome = await desk.RecordAsync(Hub, new ForumInput(Kind, SeriesNumber, HeldOn, Title, Organisers, ParticipantCount, Participants, Materials, Outcomes), me.UserId, cancellationToken);
        if (outcome.Succeeded)
        {
            Flash = t["Forum tercatat."];
            return Redirect($"/forum/{outcome.Id}");
        }

        return this.Refused(outcome.Errors);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (hub, refusal) = await this.RunAsync(db, authorization, id, cancellationToken);
        if (hub is null)
        {
            return refusal;
        }

        Hub = hub;
        Forums = hub.ProvinceCode is { } province
            ? await db.Forums.Where(f => f.ProvinceCode == province).OrderByDescending(f => f.HeldOn).ThenByDescending(f => f.SeriesNumber).ToListAsync(cancellationToken)
            : [];
        return null;
    }
}
