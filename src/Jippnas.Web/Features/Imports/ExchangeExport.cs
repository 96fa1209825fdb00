using System.Text.Json;
using Jippnas.Web.Data;
using Jippnas.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Imports;

/// <summary>
/// <c>GET /unduh/pertukaran.jsonl</c>: every published innovation in the exchange format (docs/exchange-format.md),
/// streamed in id order, so that another system — or another JIPPNas — can import the whole public database.
/// Each line carries the innovation's first source identity (re-importing the file here updates, never doubles),
/// or <c>JIPPNAS</c> and its id when it came from no source. Contacts and other personal data are never written.
/// The licence is linked from the response (<c>Link: …; rel="license"</c>) and stated on the open-data page.
/// </summary>
public static class ExchangeExport
{
    /// <summary>The source id of an innovation that came from no source: <c>JIPPNAS-{id}</c> (imported back here, it updates that innovation).</summary>
    public const string NativePrefix = "JIPPNAS-";

    private const int Batch = 1_000;
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static void MapExchangeExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/unduh/pertukaran.jsonl", async (HttpContext context, JippnasDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            context.Response.ContentType = "application/jsonl; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"jippnas-pertukaran-{clock.GetUtcNow():yyyyMMdd}.jsonl\"";
            context.Response.Headers.Link = "</data-terbuka#lisensi>; rel=\"license\"";
            context.Response.Headers.CacheControl = "no-store";
            await WriteAsync(db, context.Response.Body, cancellationToken);
            return Results.Empty;
        })
        .RequireRateLimiting(RateLimits.Exports)
        .ExcludeFromDescription();

    /// <summary>Writes every published innovation as one exchange-format line, a batch of rows in memory at a time.</summary>
    public static async Task WriteAsync(JippnasDb db, Stream output, CancellationToken cancellationToken)
    {
        var sectors = await db.Sectors.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);
        var sdgCodes = await db.Sdgs.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);
        var awardCodes = await db.AwardKinds.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, cancellationToken);
        var systems = await db.SourceSystems.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);
        var after = 0;
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        while (true)
        {
            var rows = await db.Innovations.AsNoTracking().Where(i => i.IsPublished && i.Id > after).OrderBy(i => i.Id).Take(Batch)
                .Select(i => new
                {
                    i.Id, i.Name, i.Acronym, i.UnitName, Agency = i.Agency!.Name, i.ProvinceCode, i.RegencyCode, i.YearStarted, i.SectorId,
                    i.Summary, i.Problem, i.Aims, i.Novelty, i.Implementation, i.Impact, i.Adaptability, i.Resources, i.Sustainability,
                })
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            var (low, high) = (rows[0].Id, rows[^1].Id);
            var sources = (await db.SourceRecords.AsNoTracking().Where(s => s.InnovationId >= low && s.InnovationId <= high)
                    .Select(s => new { InnovationId = s.InnovationId!.Value, s.Id, s.SourceSystemId, s.ExternalId }).ToListAsync(cancellationToken))
                .GroupBy(s => s.InnovationId).ToDictionary(g => g.Key, g => g.MinBy(s => s.Id)!);
            var awards = (await db.Awards.AsNoTracking().Where(a => a.InnovationId >= low && a.InnovationId <= high)
                .Select(a => new { a.InnovationId, a.AwardKindId }).ToListAsync(cancellationToken)).ToLookup(a => a.InnovationId, a => awardCodes[a.AwardKindId]);
            var sdgs = (await db.InnovationSdgs.AsNoTracking().Where(s => s.InnovationId >= low && s.InnovationId <= high)
                .Select(s => new { s.InnovationId, s.SdgId }).ToListAsync(cancellationToken)).ToLookup(s => s.InnovationId, s => sdgCodes[s.SdgId]);

            foreach (var row in rows)
            {
                writer.Reset(output);
                writer.WriteStartObject();
                var source = sources.GetValueOrDefault(row.Id);
                writer.WriteString("source", source is null ? ColumnMapping.ExchangeSource : systems[source.SourceSystemId]);
                writer.WriteString("source_id", source?.ExternalId ?? NativePrefix + row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("name", row.Name);
                Optional(writer, "acronym", row.Acronym);
                Optional(writer, "agency", row.UnitName ?? row.Agency);
                Optional(writer, "province", row.ProvinceCode);
                Optional(writer, "regency_city", row.RegencyCode);
                if (row.YearStarted is { } year)
                {
                    writer.WriteNumber("year", year);
                }

                Optional(writer, "sector", row.SectorId is { } sector ? sectors[sector] : null);
                List(writer, "award", awards[row.Id]);
                List(writer, "sdgs", sdgs[row.Id]);
                Optional(writer, "summary", row.Summary);
                Optional(writer, "problem", row.Problem);
                Optional(writer, "aims", row.Aims);
                Optional(writer, "novelty", row.Novelty);
                Optional(writer, "implementation", row.Implementation);
                Optional(writer, "impact", row.Impact);
                Optional(writer, "adaptability", row.Adaptability);
                Optional(writer, "resources", row.Resources);
                Optional(writer, "sustainability", row.Sustainability);
                writer.WriteEndObject();
                await writer.FlushAsync(cancellationToken);
                await output.WriteAsync(NewLine, cancellationToken);
            }

            await output.FlushAsync(cancellationToken);
            after = high;
        }
    }

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }

    private static void List(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in distinct)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
