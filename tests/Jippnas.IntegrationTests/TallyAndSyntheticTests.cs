using System.Globalization;
using AngleSharp.Html.Parser;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Innovations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests;

/// <summary>Tests that write: each runs on its own fresh database.</summary>
public abstract class TallyAndSyntheticTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task Tallies_stay_equal_to_a_full_count_through_inserts_updates_and_deletes()
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var portal = new PortalFactory(database);
        await AddSyntheticAsync(portal, 60);

        await portal.WithDbAsync(async db =>
        {
            var random = new Random(7);
            var rows = await db.Innovations.OrderBy(i => i.Id).ToListAsync();
            var regencies = await db.Regions.Where(r => r.ParentCode != null).Select(r => new { r.Code, r.ParentCode }).ToListAsync();
            var sectors = await db.Sectors.Select(s => s.Id).ToListAsync();
            foreach (var row in rows.Take(30))
            {
                var regency = regencies[random.Next(regencies.Count)];
                row.ProvinceCode = regency.ParentCode;
                row.RegencyCode = random.Next(4) == 0 ? null : regency.Code;
                row.SectorId = random.Next(5) == 0 ? null : sectors[random.Next(sectors.Count)];
                row.Status = (InnovationStatus)random.Next(0, 5);
                row.Phase = random.Next(3) == 0 ? null : (InnovationPhase)random.Next(1, 4);
                row.YearStarted = random.Next(3) == 0 ? null : 2010 + random.Next(15);
                row.IsPublished = random.Next(4) != 0;
            }

            await db.SaveChangesAsync();
            db.Innovations.RemoveRange(rows.Skip(50).Take(5));
            await db.SaveChangesAsync();
            await db.Innovations.Where(i => i.Id == rows[40].Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.IsPublished, false));
            await db.Innovations.Where(i => i.Id == rows[41].Id).ExecuteDeleteAsync();
            return 0;
        });

        var (tallies, published) = await portal.WithDbAsync(async db => (
            await db.Tallies.Where(t => t.Count != 0).ToListAsync(),
            await db.Innovations.Where(i => i.IsPublished).ToListAsync()));
        static string Key(object? value) => value switch
        {
            null => "-",
            Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        };
        var expected = published.Select(_ => (Tally.Total, "all"))
            .Concat(published.Select(i => (Tally.Province, Key(i.ProvinceCode))))
            .Concat(published.Select(i => (Tally.Regency, Key(i.RegencyCode))))
            .Concat(published.Select(i => (Tally.Sector, Key(i.SectorId))))
            .Concat(published.Select(i => (Tally.Year, Key(i.YearStarted))))
            .Concat(published.Select(i => (Tally.Phase, Key(i.Phase))))
            .Concat(published.Select(i => (Tally.Status, Key(i.Status))))
            .GroupBy(x => x).Select(g => $"{g.Key.Item1}:{g.Key.Item2}={g.Count()}").Order().ToList();

        tallies.Select(t => $"{t.Dimension}:{t.Key}={t.Count}").Order().ToList().ShouldBe(expected);
        tallies.ShouldAllBe(t => t.Count > 0);
        published.Count.ShouldBeLessThan(66);

        // Damage the tallies the way manual SQL would, then recount them.
        await portal.WithDbAsync(db => db.Tallies.Where(t => t.Dimension == Tally.Province).ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, 999)));
        await portal.WithDbAsync(async db => { await db.RebuildTalliesAsync(CancellationToken.None); return 0; });
        var rebuilt = await portal.WithDbAsync(db => db.Tallies.ToListAsync());
        rebuilt.Select(t => $"{t.Dimension}:{t.Key}={t.Count}").Order().ToList().ShouldBe(expected);
    }

    [SkippableFact]
    public async Task Synthetic_innovations_are_marked_everywhere_and_counted()
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var portal = new PortalFactory(database);
        await AddSyntheticAsync(portal, 250);

        var rows = await portal.WithDbAsync(db => db.Innovations.Where(i => i.Provenance == Provenance.Synthetic).ToListAsync());
        rows.Count.ShouldBe(250);
        rows.ShouldAllBe(i => i.Name.StartsWith("[Sintetis] ") && i.ProvinceCode != null && i.RegencyCode!.StartsWith(i.ProvinceCode + "."));
        rows.Select(i => i.ProvinceCode).Distinct().Count().ShouldBeGreaterThan(20);

        var client = portal.Browser();
        var parser = new HtmlParser();
        var list = await parser.ParseDocumentAsync(await client.GetStringAsync("/inovasi"));
        list.QuerySelector(".count")!.TextContent.ShouldBe("256 inovasi");
        list.QuerySelectorAll(".tag.synthetic").Length.ShouldBe(20);
        list.QuerySelector(".pager")!.TextContent.ShouldContain("Halaman 1 dari 13");

        var detail = await parser.ParseDocumentAsync(await client.GetStringAsync($"/inovasi/{rows[0].Id}"));
        detail.QuerySelector(".notice.synthetic").ShouldNotBeNull();

        var combined = await parser.ParseDocumentAsync(await client.GetStringAsync($"/inovasi?province={rows[0].ProvinceCode}&status=berjalan&year={rows[0].YearStarted}"));
        var expected = rows.Count(i => i.ProvinceCode == rows[0].ProvinceCode && i.Status == InnovationStatus.Running && i.YearStarted == rows[0].YearStarted);
        combined.QuerySelector(".count")!.TextContent.ShouldBe($"{expected} inovasi");
    }

    private static async Task AddSyntheticAsync(PortalFactory portal, int count)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SyntheticInnovations>().AddAsync(count, seed: 11, progress: null, CancellationToken.None);
    }
}

public sealed class SqliteTallyAndSyntheticTests() : TallyAndSyntheticTests(DatabaseProvider.Sqlite);

public sealed class PostgresTallyAndSyntheticTests() : TallyAndSyntheticTests(DatabaseProvider.PostgreSql);
