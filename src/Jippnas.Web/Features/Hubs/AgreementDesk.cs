using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Hubs;

/// <summary>An agreement as a form sends it: the parties as the ministry flag, member ids and region codes.</summary>
public sealed record AgreementInput(string? Kind, string? Number, string? Scope, string? SignedOn, string? ValidUntil, string? Document, bool Ministry, IReadOnlyList<string> Members, IReadOnlyList<string> Regions);

/// <summary>
/// Records a hub's agreements (docs/design/hubs.md): an MoU or PKS with the ministry, universities and other members,
/// or regencies/cities ready to replicate; every party checked against the hub's members and regions.
/// </summary>
public sealed class AgreementDesk(JippnasDb db, TimeProvider clock)
{
    public const string MinistryName = "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi";

    public static readonly IReadOnlyList<(string Slug, AgreementKind Kind, string Name)> Kinds =
        [("mou", AgreementKind.Mou, "Nota kesepahaman (MoU)"), ("pks", AgreementKind.Pks, "Perjanjian kerja sama (PKS)")];

    public async Task<HubOutcome> RecordAsync(Hub hub, AgreementInput input, int userId, CancellationToken cancellationToken) =>
        await RecordAsync(hub, input, null, userId, cancellationToken);

    /// <summary>
    /// Records an agreement; <paramref name="storeFile"/>, when given, keeps the signed document's upload once every
    /// field is sound (so a refused form leaves nothing in the store) and its refusal is named on <c>berkas</c>.
    /// </summary>
    public async Task<HubOutcome> RecordAsync(Hub hub, AgreementInput input, Func<CancellationToken, Task<(Evidence.StoredUpload? File, string? Error)>>? storeFile, int userId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.JakartaNow().DateTime);
        var problems = new List<(string Field, string Message)>();
        var kind = Kinds.FirstOrDefault(k => k.Slug == input.Kind);
        if (kind.Slug is null)
        {
            problems.Add(("kind", "Jenis: pilih nota kesepahaman (MoU) atau perjanjian kerja sama (PKS)."));
        }

        var number = input.Number?.Trim();
        if (string.IsNullOrEmpty(number) || number.Length > Agreement.MaxNumber)
        {
            problems.Add(("number", $"Nomor: wajib diisi, paling panjang {Agreement.MaxNumber} karakter."));
        }

        var scope = input.Scope?.Trim();
        if (string.IsNullOrEmpty(scope) || scope.Length > Agreement.MaxScope)
        {
            problems.Add(("scope", $"Ruang lingkup: wajib diisi, paling panjang {Agreement.MaxScope} karakter."));
        }

        var signed = HubRules.Date(input.SignedOn, "signed_on", "Tanggal tanda tangan", problems);
        if (signed is null && string.IsNullOrWhiteSpace(input.SignedOn))
        {
            problems.Add(("signed_on", "Tanggal tanda tangan: wajib diisi."));
        }
        else if (signed > today)
        {
            problems.Add(("signed_on", $"Tanggal tanda tangan: {signed:yyyy-MM-dd} belum terjadi; perjanjian dicatat setelah ditandatangani."));
        }

        var until = HubRules.Date(input.ValidUntil, "valid_until", "Berlaku sampai", problems);
        if (until is { } u && signed is { } s && u < s)
        {
            problems.Add(("valid_until", $"Berlaku sampai: {u:yyyy-MM-dd} sebelum tanggal tanda tangan {s:yyyy-MM-dd}."));
        }

        var document = input.Document?.Trim() is { Length: > 0 } d ? d : null;
        if (document?.Length > Agreement.MaxDocument)
        {
            problems.Add(("document", $"Dokumen: paling panjang {Agreement.MaxDocument} karakter."));
        }

        // The parties: only the hub's own members and regions.
        var memberIds = input.Members.Select(m => int.TryParse(m, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1).Distinct().ToList();
        var members = await db.HubMembers.Where(m => m.HubId == hub.Id && memberIds.Contains(m.MemberId)).Select(m => new { m.MemberId, m.Member!.Name }).Distinct().ToListAsync(cancellationToken);
        if (members.Count != memberIds.Count)
        {
            problems.Add(("members", "Pihak: pilih anggota jaringan dari daftar anggota hub ini."));
        }

        var codes = input.Regions.Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var regions = await db.Regions.Where(r => codes.Contains(r.Code) && r.ParentCode != null && (hub.ProvinceCode == null || r.ParentCode == hub.ProvinceCode))
            .Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
        if (regions.Count != codes.Count)
        {
            problems.Add(("regions", "Pihak: pilih kabupaten/kota di wilayah hub ini."));
        }

        if (!input.Ministry && memberIds.Count == 0 && codes.Count == 0)
        {
            problems.Add(("parties", "Pihak: pilih paling sedikit satu pihak selain hub (kementerian, anggota jaringan, atau kabupaten/kota)."));
        }

        if (problems.Count == 0 && await db.Agreements.AnyAsync(a => a.HubId == hub.Id && a.Kind == kind.Kind && a.Number == number, cancellationToken))
        {
            problems.Add(("number", $"Nomor: {number} sudah tercatat untuk hub ini."));
        }

        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        Evidence.StoredUpload? file = null;
        if (storeFile is not null)
        {
            (file, var error) = await storeFile(cancellationToken);
            if (file is null)
            {
                return HubOutcome.Refused("berkas", error ?? "Berkas: tidak dapat disimpan.");
            }
        }

        var parties = new List<AgreementParty>();
        if (input.Ministry)
        {
            parties.Add(new AgreementParty { Kind = PartyKind.Ministry, Name = MinistryName });
        }

        parties.AddRange(members.Select(m => new AgreementParty { Kind = PartyKind.Member, MemberId = m.MemberId, Name = m.Name }));
        parties.AddRange(regions.Select(r => new AgreementParty { Kind = PartyKind.Region, RegionCode = r.Code, Name = r.Name }));
        var agreement = new Agreement
        {
            HubId = hub.Id, Kind = kind.Kind, Number = number!, Scope = scope!, SignedOn = signed!.Value, ValidUntil = until, Document = document,
            FileName = file?.Name, FileType = file?.MediaType, FileSize = file?.Size, FileSha256 = file?.Sha256,
            CreatedBy = userId, CreatedAt = clock.GetUtcNow(), Parties = parties,
        };
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        return HubOutcome.Done(agreement.Id);
    }
}
