using Jippnas.Web.Data;
using Jippnas.Web.Features.Imports;
using Jippnas.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Duplicates;

/// <summary>
/// Before an operator records a new innovation: the innovations already in the base that are likely the same, from
/// the name, acronym, region and year typed so far (a GET form, so it works without JavaScript and can be bookmarked).
/// </summary>
[Authorize(Policy = DuplicatePermissions.Review)]
public sealed class DuplicateCheckModel(JippnasDb db, DuplicateFinder finder, NameMappings regions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Acronym { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<DuplicateMatch>? Matches { get; private set; }

    public IReadOnlyList<NameMappings.RegionChoice> Regions { get; private set; } = [];

    public Dictionary<string, string> RegionNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Regions = await regions.RegionsAsync(cancellationToken);
        RegionNames = Regions.ToDictionary(r => r.Code, r => r.Label, StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Name))
        {
            return Page();
        }

        if (Name.Length > 300 || Acronym?.Length > 100 || Year is < 1945 or > 2100)
        {
            ModelState.AddModelError(Name.Length > 300 ? nameof(Name) : Acronym?.Length > 100 ? nameof(Acronym) : nameof(Year),
                Name.Length > 300 ? "paling panjang 300 karakter." : Acronym?.Length > 100 ? "paling panjang 100 karakter." : "tahun antara 1945 dan 2100.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        string? province = null, regency = null;
        if (!string.IsNullOrWhiteSpace(Region))
        {
            var code = Region.Trim();
            var region = await db.Regions.Where(r => r.Code == code).Select(r => new { r.Code, r.ParentCode }).FirstOrDefaultAsync(cancellationToken);
            if (region is null)
            {
                ModelState.AddModelError(nameof(Region), $"'{code}' bukan kode wilayah yang dikenal (pilih dari daftar, contoh 35.08).");
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            (province, regency) = region.ParentCode is null ? (region.Code, null) : (region.ParentCode, region.Code);
        }

        Matches = await finder.FindAsync(new DuplicateFacts(Name.Trim(), string.IsNullOrWhiteSpace(Acronym) ? null : Acronym.Trim(), null, province, regency, Year), null, cancellationToken);
        return Page();
    }
}
