using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jippnas.Web.Features.Compliance;

/// <summary>What the three compliance pages share: the year asked for (<c>tahun</c>), the years offered, and the download.</summary>
public abstract class CompliancePage(TimeProvider clock, Texts t) : PageModel
{
    public const int FirstYear = 2010;

    [BindProperty(SupportsGet = true, Name = "tahun")]
    public string? RequestedYear { get; set; }

    public int Year { get; private set; }

    public int ThisYear => clock.JakartaNow().Year;

    /// <summary>The ten years before and including this one, newest first, for the year links.</summary>
    public IEnumerable<int> Years => Enumerable.Range(ThisYear - 9, 10).Reverse();

    protected Texts T => t;

    /// <summary>Reads <c>tahun</c> (this year when absent); false with the problem in the model state when it is not a year.</summary>
    protected bool ReadYear()
    {
        if (string.IsNullOrWhiteSpace(RequestedYear))
        {
            Year = ThisYear;
            return true;
        }

        if (int.TryParse(RequestedYear, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year >= FirstYear && year <= ThisYear)
        {
            Year = year;
            return true;
        }

        Year = ThisYear;
        ModelState.AddModelError("tahun", t.Format("tahun: '{0}' harus tahun antara {1} dan {2}.", RequestedYear, FirstYear, ThisYear));
        return false;
    }

    /// <summary>Sends the rows as CSV or XLSX; a bad format is answered 400 naming the parameter.</summary>
    protected async Task<IActionResult> ExportAsync(string? format, string fileName, IReadOnlyList<string> headers, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParseFormat(format, out var kind))
        {
            ModelState.AddModelError("format", t["format: pilih csv atau xlsx."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await TableExport.WriteAsync(Response, kind, fileName, headers, rows.ToAsyncEnumerable(), cancellationToken);
        return new EmptyResult();
    }

    /// <summary>A write refused: the public is sent to sign in, a signed-in person without the permission gets 403.</summary>
    protected IActionResult Refuse() => User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();

    public static string Percent(double? rate) => rate is { } r ? r.ToString("P0", System.Globalization.CultureInfo.CurrentCulture) : "—";
}
