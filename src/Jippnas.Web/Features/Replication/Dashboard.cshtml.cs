using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Replication;

/// <summary>
/// The replication dashboard, for the nation or one hub (<c>hub</c>): replications per stage, budget committed by
/// source and fiscal year, stages overdue (counted for everyone, listed for those who work on replications), the most
/// replicated innovations; the replications agreed and under way or done as CSV or XLSX. No script needed; printable.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.CachePolicies.Home)]
public sealed class DashboardModel(JippnasDb db, IAuthorizationService authorization, TimeProvider clock, Texts t) : PageModel
{
    public ReplicationFigures Figures { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Name)> Hubs { get; private set; } = [];

    public string? HubName { get; private set; }

    public bool ShowsOverdue { get; private set; }

    [BindProperty(SupportsGet = true, Name = "hub")]
    public string? RequestedHub { get; set; }

    public int? HubId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (!TableExport.TryParseFormat(format, out var kind))
        {
            ModelState.AddModelError("format", t["format: pilih csv atau xlsx."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var counted = Enum.GetValues<ReplicationStage>().Where(ReplicationStages.Counts).ToList();
        var rows = db.Replications.Where(r => counted.Contains(r.Stage) && (HubId == null || r.HubId == HubId)).OrderBy(r => r.Id)
            .Select(r => new ExportRow(r.Id, r.OriginId, r.Origin!.Name, r.Origin.Agency!.Name, r.Agency!.Name, r.RegencyCode, r.Stage, r.Adaptation))
            .AsAsyncEnumerable();
        await TableExport.WriteAsync(Response, kind, HubId is null ? "replikasi" : $"replikasi-hub-{HubId}",
            ["id", "id_inovasi_asal", "inovasi_asal", "pemilik_asal", "instansi_pereplikasi", "kode_wilayah", "tahap", "adaptasi"], Rows(rows), cancellationToken);
        return new EmptyResult();
    }

    private static async IAsyncEnumerable<object?[]> Rows(IAsyncEnumerable<ExportRow> source)
    {
        await foreach (var r in source)
        {
            yield return [r.Id, r.OriginId, r.Origin, r.OriginAgency, r.Agency, r.RegencyCode, ReplicationStages.Name(r.Stage), ReplicationDesk.Adaptations.First(a => a.Adaptation == r.Adaptation).Name];
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Hubs = (await db.Hubs.Where(h => h.Designations.Any()).OrderBy(h => h.Name).Select(h => new { h.Id, h.Name }).ToListAsync(cancellationToken))
            .Select(h => (h.Id, h.Name)).ToList();
        var found = true;
        if (!string.IsNullOrWhiteSpace(RequestedHub))
        {
            if (int.TryParse(RequestedHub, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && Hubs.Any(h => h.Id == id))
            {
                HubId = id;
                HubName = Hubs.First(h => h.Id == id).Name;
            }
            else
            {
                ModelState.AddModelError("hub", t.Format("hub: '{0}' bukan Hub JIPP.", RequestedHub));
                found = false;
            }
        }

        ShowsOverdue = User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, ReplicationPermissions.Work)).Succeeded;
        Figures = await ReplicationDashboard.ReadAsync(db, HubId, DateOnly.FromDateTime(clock.JakartaNow().DateTime), cancellationToken);
        return found;
    }

    private sealed record ExportRow(int Id, int OriginId, string Origin, string? OriginAgency, string Agency, string RegencyCode, ReplicationStage Stage, Adaptation Adaptation);
}
