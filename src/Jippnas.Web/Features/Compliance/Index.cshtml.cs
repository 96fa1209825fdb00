using Jippnas.Web.Data;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Jippnas.Web.Features.Compliance;

/// <summary>
/// One agency, one innovation across the country: each province's agencies and how many innovated this year. A
/// rollup over every government, kept 30 seconds for the public like the home page (259 ms p95 at 32 connections on
/// SQLite without it).
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.CachePolicies.Home)]
public sealed class IndexModel(JippnasDb db, TimeProvider clock, Texts t) : CompliancePage(clock, t)
{
    public IReadOnlyList<RollupRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ReadYear())
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Rows = await db.NationalAsync(Year, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!ReadYear())
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Rows = await db.NationalAsync(Year, cancellationToken);
        return await ExportAsync(format, $"satu-opd-satu-inovasi-{Year}", ["kode_provinsi", "provinsi", "tahun", "pemerintah_daerah", "pemerintah_dengan_data_opd", "opd", "opd_berinovasi_baru", "persentase", "kebijakan_sejak"],
            Rows.Select(r => new object?[] { r.Key, r.Name, Year, r.Governments, r.GovernmentsWithOpds, r.Opds, r.Compliant, r.Rate is { } rate ? Math.Round(rate * 100, 1) : null, r.PolicySince }), cancellationToken);
    }
}
