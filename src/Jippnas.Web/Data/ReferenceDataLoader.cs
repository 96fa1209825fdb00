using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search;
using Jippnas.Web.Features.Search.Analysis;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Data;

/// <summary>
/// Loads the reference data that ships with JIPPNas: regions (idn-area-data), classification lists, the
/// governments as agencies, the Hub JIPP of the seeds and the innovations named there. Idempotent: it adds
/// only what is missing, matching on codes, so it runs at every start and after upgrades of the lists.
/// </summary>
public sealed class ReferenceDataLoader(JippnasDb db, SearchIndexer search, TimeProvider clock, ILogger<ReferenceDataLoader> logger)
{
    public const int ProvinceCount = 38;
    public const int RegencyCityCount = 514;
    public const string MaturityInstrumentFile = "maturity-2025.json";
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        await LoadRegionsAsync(cancellationToken);
        await LoadClassificationsAsync(cancellationToken);
        await LoadImportColumnsAsync(cancellationToken);
        await LoadGovernmentsAsync(cancellationToken);
        await LoadHubsAsync(cancellationToken);
        await LoadMaturityInstrumentAsync(cancellationToken);
        var added = await LoadInnovationsAsync(cancellationToken);
        await LoadSynonymsAsync(cancellationToken);
        if (await search.IsStaleAsync(cancellationToken))
        {
            await search.RebuildAsync(null, cancellationToken);
        }
        else
        {
            await search.IndexAsync(added, cancellationToken);
        }
    }

    // Seeded once, into an empty table: after that the groups are the administrators' to change.
    private async Task LoadSynonymsAsync(CancellationToken cancellationToken)
    {
        if (await db.SearchSynonyms.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.SearchSynonyms.AddRange(SynonymSeed.Read().Select(s => new SearchSynonym
        {
            Kind = s.Kind,
            Phrases = SearchSynonym.NormalisePhrases(s.Phrases),
            Note = "Bawaan JIPPNas",
            CreatedAt = now,
            UpdatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task LoadRegionsAsync(CancellationToken cancellationToken)
    {
        if (await db.Regions.CountAsync(cancellationToken) >= ProvinceCount + RegencyCityCount)
        {
            return;
        }

        var existing = await db.Regions.Select(r => r.Code).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        foreach (var row in ReadCsv("provinces.csv").Where(r => !existing.Contains(r[0])))
        {
            db.Regions.Add(new Region { Code = row[0], Name = row[1], Level = RegionLevel.Province });
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var row in ReadCsv("regencies.csv").Where(r => !existing.Contains(r[0])))
        {
            db.Regions.Add(new Region { Code = row[0], ParentCode = row[1], Name = row[2], Level = Region.LevelOfRegencyCode(row[0]) });
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Regions loaded");
    }

    private async Task LoadClassificationsAsync(CancellationToken cancellationToken)
    {
        var lists = ReadJson<ClassificationFile>("classifications.json");
        await AddMissingAsync(db.Sectors, lists.Sectors, row => new Sector { Code = row[0].GetString()!, NameId = row[1].GetString()!, NameEn = row[2].GetString()! }, cancellationToken);
        await AddMissingAsync(db.Sdgs, lists.Sdgs, row => new Sdg { Code = row[0].GetString()!, NameId = row[1].GetString()!, NameEn = row[2].GetString()! }, cancellationToken);
        await AddMissingAsync(db.AwardKinds, lists.AwardKinds, row => new AwardKind { Code = row[0].GetString()!, NameId = row[1].GetString()!, NameEn = row[2].GetString()!, Weight = row[3].GetInt32() }, cancellationToken);
        await AddMissingAsync(db.SourceSystems, lists.SourceSystems, row => new SourceSystem { Code = row[0].GetString()!, NameId = row[1].GetString()!, NameEn = row[2].GetString()! }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    // Each source's default column mapping, for sources that have none yet: a curator's edits are never overwritten.
    private async Task LoadImportColumnsAsync(CancellationToken cancellationToken)
    {
        var defaults = ReadJson<Dictionary<string, JsonElement>>("import-columns.json");
        var sources = await db.SourceSystems.ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.Ordinal, cancellationToken);
        var mapped = await db.ImportColumns.Select(c => c.SourceSystemId).Distinct().ToListAsync(cancellationToken);
        foreach (var (code, columns) in defaults)
        {
            if (!sources.TryGetValue(code, out var sourceId) || mapped.Contains(sourceId))
            {
                continue;
            }

            foreach (var column in columns.EnumerateObject())
            {
                db.ImportColumns.Add(new ImportColumn { SourceSystemId = sourceId, ColumnName = ImportColumn.Normalize(column.Name), Field = column.Value.GetString()! });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task AddMissingAsync<T>(DbSet<T> set, JsonElement[][] rows, Func<JsonElement[], T> create, CancellationToken cancellationToken)
        where T : Classification
    {
        var existing = await set.Select(c => c.Code).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var order = 0;
        foreach (var row in rows)
        {
            order++;
            var item = create(row);
            if (!existing.Contains(item.Code))
            {
                item.SortOrder = order;
                set.Add(item);
            }
        }
    }

    private async Task LoadGovernmentsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Agencies.Where(a => a.ParentId == null && a.RegionCode != null)
            .Select(a => a.RegionCode!).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var regions = await db.Regions.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var region in regions.Where(r => !existing.Contains(r.Code)))
        {
            var (kind, name) = region.Level switch
            {
                RegionLevel.Province => (AgencyKind.ProvincialGovernment, $"Pemerintah Provinsi {region.Name}"),
                RegionLevel.Regency => (AgencyKind.RegencyGovernment, $"Pemerintah {region.Name}"),
                RegionLevel.City => (AgencyKind.CityGovernment, $"Pemerintah {region.Name}"),
            };
            db.Agencies.Add(new Agency { Name = name, Kind = kind, RegionCode = region.Code });
        }

        string[][] centre =
        [
            ["Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "Kementerian PANRB"],
            ["Kementerian Dalam Negeri", "Kemendagri"],
            ["Lembaga Administrasi Negara", "LAN"],
            ["Kementerian Perencanaan Pembangunan Nasional/Bappenas", "Bappenas"],
        ];
        var names = await db.Agencies.Where(a => a.RegionCode == null).Select(a => a.Name).ToListAsync(cancellationToken);
        foreach (var ministry in centre.Where(m => !names.Contains(m[0])))
        {
            db.Agencies.Add(new Agency { Name = ministry[0], Acronym = ministry[1], Kind = AgencyKind.Ministry });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task LoadHubsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Hubs.Select(h => h.ProvinceCode!).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var provinces = await db.Regions.Where(r => r.Level == RegionLevel.Province).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        foreach (var hub in ReadJson<HubRow[]>("hubs.json").Where(h => !existing.Contains(h.Province)))
        {
            db.Hubs.Add(new Hub
            {
                Name = $"Hub JIPP Provinsi {provinces[hub.Province]}",
                Kind = HubKind.Province,
                ProvinceCode = hub.Province,
                Status = HubStatus.Active,
                Designations =
                [
                    new HubDesignation
                    {
                        Year = hub.Year,
                        DecreeNumber = hub.Decree,
                        DecreeTitle = hub.Title,
                        SourceNote = "Siaran pers Kementerian PANRB (2020–2021).",
                    },
                ],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    // Seeded once, into an empty table: after that instruments are the national administrators' to load.
    private async Task LoadMaturityInstrumentAsync(CancellationToken cancellationToken)
    {
        if (await db.MaturityInstruments.AnyAsync(cancellationToken))
        {
            return;
        }

        var (instrument, problems) = Features.Maturity.MaturityInstrumentFile.Read(ReadResource(MaturityInstrumentFile), int.MaxValue);
        if (instrument is null)
        {
            throw new InvalidOperationException($"{MaturityInstrumentFile}: {string.Join(" ", problems)}");
        }

        instrument.Source = MaturityInstrumentFile;
        instrument.LoadedAt = clock.GetUtcNow();
        db.MaturityInstruments.Add(instrument);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<List<int>> LoadInnovationsAsync(CancellationToken cancellationToken)
    {
        var source = await db.SourceSystems.SingleAsync(s => s.Code == "PUBLIKASI", cancellationToken);
        var known = await db.SourceRecords.Where(s => s.SourceSystemId == source.Id)
            .Select(s => s.ExternalId).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var sectors = await db.Sectors.ToDictionaryAsync(s => s.Code, s => s.Id, cancellationToken);
        var sdgs = await db.Sdgs.ToDictionaryAsync(s => s.Code, s => s.Id, cancellationToken);
        var awardKinds = await db.AwardKinds.ToDictionaryAsync(s => s.Code, s => s.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var added = new List<Innovation>();
        var raw = ReadResource("innovations.json");
        using var document = JsonDocument.Parse(raw);
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var row = element.Deserialize<InnovationRow>(Json)!;
            if (known.Contains(row.Id))
            {
                continue;
            }

            int? agencyId = row.Agency is null ? null
                : await db.Agencies.Where(a => a.Name == row.Agency).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
            var innovation = new Innovation
            {
                Name = row.Name,
                Acronym = row.Acronym,
                ProvinceCode = row.Province,
                RegencyCode = row.Regency,
                AgencyId = agencyId,
                SectorId = sectors[row.Sector],
                Summary = row.Summary,
                Status = InnovationStatus.Unconfirmed,
                Provenance = Provenance.PublishedFact,
                ProvenanceNote = row.Source,
                CreatedAt = now,
                UpdatedAt = now,
            };
            foreach (var award in row.Awards)
            {
                innovation.AddAward(new Award { AwardKindId = awardKinds[award.Kind], Year = award.Year });
            }

            innovation.Sdgs.AddRange(row.Sdgs.Select(code => new InnovationSdg { SdgId = sdgs[code] }));
            innovation.SourceRecords.Add(new SourceRecord
            {
                SourceSystemId = source.Id,
                ExternalId = row.Id,
                Payload = element.GetRawText(),
                FetchedAt = now,
                MatchStatus = MatchStatus.Matched,
            });
            db.Innovations.Add(innovation);
            added.Add(innovation);
        }

        await db.SaveChangesAsync(cancellationToken);
        return added.ConvertAll(i => i.Id);
    }

    internal static IEnumerable<string[]> ReadCsv(string name)
    {
        using var reader = new StreamReader(OpenResource(name));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var width = csv.HeaderRecord!.Length;
        var rows = new List<string[]>();
        while (csv.Read())
        {
            var row = new string[width];
            for (var i = 0; i < width; i++)
            {
                row[i] = csv.GetField(i)!.Trim();
            }

            rows.Add(row);
        }

        return rows;
    }

    private static T ReadJson<T>(string name) => JsonSerializer.Deserialize<T>(ReadResource(name), Json)!;

    private static string ReadResource(string name)
    {
        using var reader = new StreamReader(OpenResource(name));
        return reader.ReadToEnd();
    }

    private static Stream OpenResource(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream($"Jippnas.Web.Data.Reference.{name}")
        ?? throw new InvalidOperationException($"Reference data {name} is not embedded.");

    private sealed record ClassificationFile(JsonElement[][] Sectors, JsonElement[][] Sdgs, JsonElement[][] AwardKinds, JsonElement[][] SourceSystems);

    private sealed record HubRow(string Province, int Year, string? Decree, string Title);

    private sealed record AwardRow(string Kind, int Year);

    private sealed record InnovationRow(string Id, string Name, string? Acronym, string? Province, string? Regency, string? Agency, string Sector, string[] Sdgs, string Summary, AwardRow[] Awards, string Source);
}
