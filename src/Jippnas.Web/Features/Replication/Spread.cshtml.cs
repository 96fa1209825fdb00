using Jippnas.Web.Data;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Replication;

/// <summary>
/// An innovation's whole lineage (<c>/inovasi/{id}/replikasi</c>): every replication agreed and under way or done, and
/// the replications of its replicas, as a table in breadth-first order with who each replicated from; CSV or XLSX. The
/// innovation page shows the first <see cref="LineageQueries.OnPage"/> of them as a tree and links here.
/// </summary>
public sealed class SpreadModel(JippnasDb db, ReferenceCatalog catalog, Texts t) : PageModel
{
    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public Lineage Lineage { get; private set; } = Lineage.None;

    public ReferenceSnapshot Reference { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(int id, string? format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!TableExport.TryParseFormat(format, out var kind))
        {
            ModelState.AddModelError("format", t["format: pilih csv atau xlsx."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await TableExport.WriteAsync(Response, kind, $"replikasi-inovasi-{id}",
            ["id_replikasi", "tingkat", "instansi_pereplikasi", "kode_wilayah", "kabupaten_kota", "provinsi", "tahap", "id_inovasi_replika", "mereplikasi_dari"],
            Rows(Lineage.All, Reference), cancellationToken);
        return new EmptyResult();
    }

    /// <summary>Who a node replicated from: the innovation itself for a direct replication, else the agency of its parent.</summary>
    public string From(LineageNode node) =>
        node.ParentId is { } parent && (agencies ??= Lineage.All.ToDictionary(n => n.Id, n => n.Agency)).TryGetValue(parent, out var agency) ? agency : Name;

    private Dictionary<int, string>? agencies;

    private async IAsyncEnumerable<object?[]> Rows(IReadOnlyList<LineageNode> nodes, ReferenceSnapshot reference)
    {
        foreach (var n in nodes)
        {
            yield return [n.Id, n.Depth + 1, n.Agency, n.RegencyCode, n.Regency, reference.RegionName(n.RegencyCode[..2]), ReplicationStages.Name(n.Stage), n.ReplicaId, From(n)];
        }

        await Task.CompletedTask;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var name = await db.Innovations.Where(i => i.Id == id && i.IsPublished).Select(i => i.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return false;
        }

        (Id, Name) = (id, name);
        Reference = await catalog.GetAsync(cancellationToken);
        Lineage = await LineageQueries.ReadAsync(db, Reference, id, LineageQueries.MaxNodes, cancellationToken);
        return true;
    }
}
