using System.Globalization;
using System.Text;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Maturity;

/// <summary>
/// The maturity instruments for national administrators: each year's instrument (download its file, load a new
/// one or check a file first), and the hubs' assessments on the year chosen, with their totals, to verify and to
/// export as CSV or XLSX.
/// </summary>
[Authorize(Policy = HubPermissions.Designate)]
public sealed class InstrumentsModel(JippnasDb db, MaturityDesk desk, CurrentAccess access, Texts t) : PageModel
{
    public sealed record InstrumentRow(int Year, string Title, string? Source, DateTimeOffset LoadedAt, int Aspects, int Questions, int Assessments);

    public sealed record ResultRow(Hub Hub, MaturityAssessment Assessment, IReadOnlyList<AspectScore> Scores);

    public IReadOnlyList<InstrumentRow> Instruments { get; private set; } = [];

    public MaturityInstrument? Instrument { get; private set; }

    public IReadOnlyList<ResultRow> Results { get; private set; } = [];

    /// <summary>What a checked (not loaded) file holds.</summary>
    public MaturityInstrument? Checked { get; private set; }

    [BindProperty(SupportsGet = true, Name = "tahun")]
    public string? RequestedYear { get; set; }

    [BindProperty(Name = "berkas")]
    public IFormFile? Upload { get; set; }

    [BindProperty(Name = "periksa")]
    public bool CheckOnly { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    /// <summary>The chosen year's instrument as its file, to keep or to edit into next year's.</summary>
    public async Task<IActionResult> OnGetFileAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Instrument is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        return File(Encoding.UTF8.GetBytes(MaturityInstrumentFile.Write(Instrument)), "application/json; charset=utf-8", $"instrumen-kematangan-{Instrument.Year}.json");
    }

    /// <summary>The chosen year's results, a row per hub, with the self and verified score of every aspect.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Instrument is null)
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

        var aspects = Instrument.Aspects.OrderBy(a => a.Ordinal).ToList();
        List<string> headers = ["tahun", "hub", "keadaan", "nilai_mandiri", "tingkat_mandiri", "nilai_terverifikasi", "tingkat_terverifikasi",
            .. aspects.SelectMany(a => new[] { $"{a.Code}_mandiri", $"{a.Code}_terverifikasi" })];
        var rows = Results.Select(r => (object?[])
        [
            Instrument.Year, r.Hub.Name, MaturityNames.State(r.Assessment.State, t),
            r.Assessment.SelfTotal, r.Assessment.SelfTotal is { } s ? Instrument.LevelOf(s)?.Name : null,
            r.Assessment.VerifiedTotal, r.Assessment.VerifiedTotal is { } v ? Instrument.LevelOf(v)?.Name : null,
            .. r.Scores.SelectMany(a => new object?[] { a.Self, a.Verified }),
        ]);
        await TableExport.WriteAsync(Response, kind, $"kematangan-hub-{Instrument.Year}", headers, rows.ToAsyncEnumerable(), cancellationToken);
        return new EmptyResult();
    }

    /// <summary>Loads an instrument file (or only checks it, with <c>periksa</c>).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Upload is null || Upload.Length == 0)
        {
            return this.Refused([("berkas", t["berkas: pilih berkas instrumen (JSON)."])]);
        }

        if (Upload.Length > MaturityInstrumentFile.MaxBytes)
        {
            return this.Refused([("berkas", t.Format("berkas: paling besar {0} KB (berkas ini {1} KB).", MaturityInstrumentFile.MaxBytes / 1024, Upload.Length / 1024))]);
        }

        string text;
        try
        {
            using var reader = new StreamReader(Upload.OpenReadStream(), new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return this.Refused([("berkas", t["berkas: bukan teks UTF-8; simpan instrumen sebagai JSON UTF-8."])]);
        }

        var me = (await access.GetAsync(User, cancellationToken))!;
        var (outcome, read) = await desk.LoadAsync(text, Upload.FileName, me.UserId, CheckOnly, cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome.Errors);
        }

        if (CheckOnly)
        {
            Checked = read;
            return Page();
        }

        Flash = t.Format("Instrumen {0} dimuat: {1} aspek, {2} pertanyaan.", read!.Year, read.Aspects.Count, read.Questions.Count());
        return Redirect($"/admin/hub/kematangan?tahun={read.Year.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>Reads the instruments and the chosen year's results; false when <c>tahun</c> names no instrument.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Instruments = await db.MaturityInstruments.OrderByDescending(i => i.Year).Select(i => new InstrumentRow(
            i.Year, i.Title, i.Source, i.LoadedAt, i.Aspects.Count, i.Aspects.SelectMany(a => a.Questions).Count(),
            db.MaturityAssessments.Count(a => a.InstrumentId == i.Id))).ToListAsync(cancellationToken);
        int year;
        if (string.IsNullOrWhiteSpace(RequestedYear))
        {
            year = Instruments.Count > 0 ? Instruments[0].Year : 0;
        }
        else if (!int.TryParse(RequestedYear, NumberStyles.None, CultureInfo.InvariantCulture, out year) || !Instruments.Any(i => i.Year == year))
        {
            ModelState.AddModelError("tahun", t.Format("tahun: tidak ada instrumen kematangan untuk '{0}'.", RequestedYear));
            return false;
        }

        if (year == 0)
        {
            return true;
        }

        Instrument = await desk.InstrumentAsync(year, cancellationToken);
        var assessments = await db.MaturityAssessments.Include(a => a.Answers).Where(a => a.InstrumentId == Instrument!.Id).ToListAsync(cancellationToken);
        var hubs = await db.Hubs.Where(h => assessments.Select(a => a.HubId).Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        Results =
        [
            .. assessments.Select(a => new ResultRow(hubs[a.HubId], a, MaturityScoring.ByAspect(Instrument!, a.Answers.ToDictionary(x => x.QuestionId))))
                .OrderBy(r => r.Assessment.State == MaturityState.Submitted ? 0 : 1).ThenBy(r => r.Hub.Name, StringComparer.Create(Formats.Indonesian, true)),
        ];
        return true;
    }
}
