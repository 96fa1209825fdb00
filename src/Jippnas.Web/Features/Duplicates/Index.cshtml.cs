using System.Text.Json;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Jippnas.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Duplicates;

/// <summary>
/// Likely duplicates for curators: each pair side by side with its score and reasons, to merge (keeping either one)
/// or reject; merged pairs can be undone, rejected ones are listed and never proposed again.
/// </summary>
[Authorize(Policy = DuplicatePermissions.Review)]
public sealed class DuplicatesModel(JippnasDb db, DuplicateReview review, Texts t) : PageModel
{
    public const int PageSize = 25;

    /// <summary>One side of a pair as the curator compares it.</summary>
    public sealed record Side(int Id, string Name, string? Acronym, string? Unit, string? Region, int? Year, bool Published, int Awards, IReadOnlyList<string> Sources);

    public sealed record Row(DuplicatePair Pair, Side First, Side Second, IReadOnlyList<DuplicateReason> Reasons);

    public DuplicateState State { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(string? state, int page, CancellationToken cancellationToken)
    {
        var known = state switch { null or "" or "usulan" => DuplicateState.Proposed, "digabung" => DuplicateState.Merged, "ditolak" => DuplicateState.Rejected, _ => (DuplicateState?)null };
        if (known is null || page < 0)
        {
            return BadRequest(state is not null && known is null ? $"state: '{state}' tidak dikenal (usulan, digabung, ditolak)." : "page: harus 1 atau lebih.");
        }

        await LoadAsync(known.Value, Math.Max(1, page), cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostMergeAsync(long pair, int keep, CancellationToken cancellationToken) =>
        DecideAsync(review.MergeAsync(pair, keep, User.Identity?.Name, cancellationToken), t["Digabung. Penggabungan dapat dibatalkan dari daftar yang digabung."], cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(long pair, CancellationToken cancellationToken) =>
        DecideAsync(review.RejectAsync(pair, User.Identity?.Name, cancellationToken), t["Ditandai bukan duplikat: pasangan ini tidak akan diusulkan lagi."], cancellationToken);

    public Task<IActionResult> OnPostUndoAsync(long pair, CancellationToken cancellationToken) =>
        DecideAsync(review.UndoAsync(pair, User.Identity?.Name, cancellationToken), t["Penggabungan dibatalkan: kedua inovasi kembali seperti semula."], cancellationToken);

    public static string ReasonText(DuplicateReason reason, Texts t) => reason.Kind switch
    {
        DuplicateReasonKind.SameName => t["nama sama"],
        DuplicateReasonKind.SimilarName => t.Format("nama mirip ({0}%)", Formats.Number((long)Math.Round((reason.Value ?? 0) * 100))),
        DuplicateReasonKind.SameAcronym => t["akronim sama"],
        DuplicateReasonKind.AcronymInName => t["akronim tertulis di nama yang lain"],
        DuplicateReasonKind.AcronymMatchesName => t["akronim sesuai huruf awal nama yang lain"],
        DuplicateReasonKind.SameRegencyCity => t["kabupaten/kota sama"],
        DuplicateReasonKind.SameProvince => t["provinsi sama"],
        DuplicateReasonKind.SameAgency => t["instansi sama"],
        DuplicateReasonKind.CloseYears => t.Format("tahun berselisih {0}", Formats.Number((int)(reason.Value ?? 0))),
        DuplicateReasonKind.DifferentRegencyCity => t["kabupaten/kota berbeda"],
        DuplicateReasonKind.DifferentProvince => t["provinsi berbeda"],
        DuplicateReasonKind.DifferentAgency => t["unit berbeda"],
        DuplicateReasonKind.DistantYears => t.Format("tahun berselisih {0}", Formats.Number((int)(reason.Value ?? 0))),
        DuplicateReasonKind.DifferentAcronym => t["akronim berbeda"],
        DuplicateReasonKind.DifferentNameWords => t.Format("nama berbeda pada {0} kata", Formats.Number((int)(reason.Value ?? 0))),
        _ => reason.Kind.ToString(),
    };

    private async Task<IActionResult> DecideAsync(Task<string?> decision, string done, CancellationToken cancellationToken)
    {
        if (await decision is { } problem)
        {
            Flash = problem;
            Response.StatusCode = StatusCodes.Status409Conflict;
            await LoadAsync(DuplicateState.Proposed, 1, cancellationToken);
            return Page();
        }

        Flash = done;
        return Redirect(Request.Headers.Referer.FirstOrDefault() is { } back && Uri.TryCreate(back, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/admin/duplikat" ? uri.PathAndQuery : "/admin/duplikat");
    }

    private async Task LoadAsync(DuplicateState state, int page, CancellationToken cancellationToken)
    {
        (State, PageNumber) = (state, page);
        var pairs = db.DuplicatePairs.Where(p => p.State == state);
        Total = await pairs.CountAsync(cancellationToken);
        var list = await (state == DuplicateState.Proposed ? pairs.OrderByDescending(p => p.Score).ThenBy(p => p.Id) : pairs.OrderByDescending(p => p.Id))
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var ids = list.SelectMany(p => new[] { p.FirstId, p.SecondId }).Distinct().ToList();
        var sides = await db.Innovations.Where(i => ids.Contains(i.Id))
            .Select(i => new
            {
                i.Id, i.Name, i.Acronym, i.UnitName, i.YearStarted, i.IsPublished, i.AwardCount,
                Region = i.Regency != null ? i.Regency.Name : i.Province != null ? i.Province.Name : null,
                Sources = i.SourceRecords.Select(s => s.SourceSystem!.Code + " " + s.ExternalId).ToList(),
            })
            .ToDictionaryAsync(i => i.Id, i => new Side(i.Id, i.Name, i.Acronym, i.UnitName, i.Region, i.YearStarted, i.IsPublished, i.AwardCount, i.Sources), cancellationToken);
        Rows = [.. list.Where(p => sides.ContainsKey(p.FirstId) && sides.ContainsKey(p.SecondId))
            .Select(p => new Row(p, sides[p.FirstId], sides[p.SecondId], JsonSerializer.Deserialize<List<DuplicateReason>>(p.Reasons, DuplicateFinder.Json) ?? []))];
    }
}
