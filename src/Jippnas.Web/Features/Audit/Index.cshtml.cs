using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Audit;

/// <summary>
/// The audit log for national administrators: filtered by date (WIB), account, table and action, newest first, a
/// hundred a page; the same selection downloads as CSV or XLSX.
/// </summary>
[Authorize(Policy = AuditPermissions.Read)]
public sealed class IndexModel(JippnasDb db, Texts t) : PageModel
{
    private const int PageSize = 100;
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    [BindProperty(SupportsGet = true, Name = "dari")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "sampai")]
    public string? Until { get; set; }

    [BindProperty(SupportsGet = true, Name = "akun")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "data")]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true, Name = "aksi")]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public bool HasMore { get; private set; }

    public string Query(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("dari", From);
        Add("sampai", Until);
        Add("akun", Actor);
        Add("data", Entity);
        Add("aksi", Action);
        Add("halaman", page?.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Select() is not { } selection)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        PageNumber = Math.Max(1, PageNumber);
        var page = await selection.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasMore = page.Count > PageSize;
        Entries = page.Take(PageSize).ToList();
        return Page();
    }

    /// <summary>The selection as CSV or XLSX (every matching line, newest first).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParseFormat(format, out var kind))
        {
            ModelState.AddModelError("format", t["format: pilih csv atau xlsx."]);
        }

        if (Select() is not { } selection || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await TableExport.WriteAsync(Response, kind, "log-audit", ["waktu_utc", "akun", "aksi", "data", "id_data", "ip", "peramban", "sebelum", "sesudah"],
            Rows(selection.OrderByDescending(a => a.Id).AsAsyncEnumerable()), cancellationToken);
        return new EmptyResult();
    }

    private static async IAsyncEnumerable<object?[]> Rows(IAsyncEnumerable<AuditEntry> entries)
    {
        await foreach (var a in entries)
        {
            yield return [a.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), a.Actor, a.Action, a.Entity, a.EntityId, a.Ip, a.UserAgent, a.Before, a.After];
        }
    }

    // The filters as a query, or null (with the parameter named) when one cannot be read.
    private IQueryable<AuditEntry>? Select()
    {
        var query = db.AuditLog.AsQueryable();
        if (Day(From, "dari") is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (Day(Until, "sampai") is { } until)
        {
            var end = until.AddDays(1);
            query = query.Where(a => a.At < end);
        }

        foreach (var (name, value) in new[] { ("akun", Actor), ("data", Entity), ("aksi", Action) })
        {
            if (value is { Length: > 200 })
            {
                ModelState.AddModelError(name, t.Format("{0}: paling panjang 200 karakter.", name));
            }
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            query = query.Where(a => a.Actor.Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(Entity))
        {
            var entity = Entity.Trim();
            query = query.Where(a => a.Entity == entity);
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            var action = Action.Trim();
            query = query.Where(a => a.Action == action);
        }

        return query;
    }

    private DateTimeOffset? Day(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Wib).ToUniversalTime();
        }

        ModelState.AddModelError(name, t.Format("{0}: tulis tanggal sebagai tahun-bulan-hari, mis. 2026-11-24.", name));
        return null;
    }
}
