using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests;

/// <summary>
/// The Indonesian search on both databases, over the 18 records of <see cref="SearchPortal"/> (ExchangeImportTests.cs),
/// imported through the exchange format into a fresh database per test class.
/// </summary>
public abstract class SearchTests(SearchPortal portal)
{
    private static readonly HtmlParser Parser = new();

    private static ExchangeLine[] Lines => SearchPortal.Lines;

    private HttpClient Client => portal.Factory.Browser();

    [SkippableTheory]
    [InlineData("melayani", false, Rec.Pelayanan, Rec.Pasar)] // pelayanan, layanan
    [InlineData("penduduk", false, Rec.Gerai)] // kependudukan
    [InlineData("kependudukan", false, Rec.KtpDisabilitas)] // penduduk
    [InlineData("bersalin", false, Rec.RumahTunggu)] // persalinan
    [InlineData("persalinan", false, Rec.Ambulans)] // bersalin
    [InlineData("anak", false, Rec.Perpustakaan)] // anak-anak
    [InlineData("anak-anak", false, Rec.Pasar)] // anak
    [InlineData("layanannya", false, Rec.Pelayanan, Rec.Pasar)]
    [InlineData("kesehtan", false, Rec.RumahTunggu, Rec.Ambulans, Rec.Stunting, Rec.TekanAki)] // one letter missing
    [InlineData("stuntng", true, Rec.Stunting, Rec.Tengkes)] // one letter missing
    [InlineData("prsalnan", false, Rec.RumahTunggu)] // two letters missing
    [InlineData("KTP", false, Rec.KtpDisabilitas, Rec.KtpPulau)] // kartu tanda penduduk, KTP
    [InlineData("kartu tanda penduduk", false, Rec.KtpPulau, Rec.KtpDisabilitas)]
    [InlineData("AKI", true, Rec.RumahTunggu, Rec.TekanAki)] // angka kematian ibu, AKI
    [InlineData("angka kematian ibu", false, Rec.TekanAki, Rec.RumahTunggu)]
    [InlineData("meninggal", false, Rec.RumahTunggu)] // kematian
    [InlineData("kematian", false, Rec.Ambulans)] // meninggal
    [InlineData("maternal mortality", true, Rec.RumahTunggu)]
    [InlineData("school dropouts", true, Rec.KejarPaket)]
    [InlineData("waste management", true, Rec.BankSampah)]
    public async Task Words_find_records_that_write_them_in_another_form(string q, bool first, params string[] expected)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var found = await FoundAsync(Q(q));
        (first ? found.Take(expected.Length) : found.Intersect(expected)).Order().ShouldBe(expected.Order(), $"found: {string.Join(", ", found)}");
    }

    [SkippableFact]
    public async Task Stop_words_are_ignored_and_records_with_every_word_rank_first()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var plain = await FoundAsync(Q("stunting"));
        plain.ShouldBe([Rec.Stunting, Rec.Tengkes], ignoreOrder: true);
        (await FoundAsync(Q("yang untuk stunting dan di"))).ShouldBe(plain);

        var ranked = await FoundAsync(Q("lele bioflok"));
        ranked.ShouldBe([Rec.LeleBioflok, Rec.Lele, Rec.Bioflok], ignoreOrder: true);
        ranked[0].ShouldBe(Rec.LeleBioflok);
    }

    [SkippableFact]
    public async Task An_empty_query_lists_everything_with_facet_counts_that_match_the_data()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var body = await ApiAsync("pageSize=100");
        body.GetProperty("total").GetInt32().ShouldBe(Lines.Length);
        Ids(body).ShouldBe(Lines.Select(l => l.SourceId), ignoreOrder: true);
        foreach (var dimension in new[] { "province", "regency", "sector", "year", "sdg", "source", "award", "phase", "status" })
        {
            Facet(body, dimension).ShouldBe(Expected(dimension, Lines), dimension);
        }
    }

    [SkippableTheory]
    [InlineData("q=stunting&province=35&sector=KESEHATAN", Rec.Stunting)]
    [InlineData("q=stunting&province=32", Rec.Tengkes)]
    [InlineData("q=stunting&province=35&sector=PPPA")]
    [InlineData("q=lele&sector=KUKM&year=2019", Rec.Lele)]
    [InlineData("q=bidan&regency=35.10&status=belum-dikonfirmasi", Rec.TekanAki)]
    public async Task Words_and_filters_combine(string query, params string[] expected)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        (await FoundAsync(query)).ShouldBe(expected, ignoreOrder: true);
    }

    [SkippableTheory]
    [InlineData("province", "33")]
    [InlineData("regency", "33.02")]
    [InlineData("sector", "KELAUTAN_PERIKANAN")]
    [InlineData("sdg", "SDG3")]
    [InlineData("year", "2021")]
    [InlineData("source", "IGA")]
    [InlineData("award", "KIPP_TOP99")]
    [InlineData("phase", "pelembagaan")]
    [InlineData("status", "berjalan")]
    public async Task A_facet_value_in_the_URL_narrows_results_to_the_records_counted_for_it(string parameter, string value)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var expected = Lines.Where(l => Values(parameter, l).Contains(value)).Select(l => l.SourceId).ToList();
        expected.Count.ShouldBeGreaterThan(1);
        (await FoundAsync($"{parameter}={value}")).ShouldBe(expected, ignoreOrder: true);
        Facet(await ApiAsync(""), parameter).ShouldContain($"{value}={expected.Count}");
    }

    [SkippableFact]
    public async Task Sorting_by_newest_and_by_awards_orders_the_results()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var newest = (await ApiAsync("sort=terbaru&pageSize=100")).GetProperty("items").EnumerateArray().Select(Innovation).ToList();
        newest.Count.ShouldBe(Lines.Length);
        var years = newest.Select(i => i.GetProperty("yearStarted").GetInt32()).ToList();
        years.ShouldBe(years.OrderDescending().ToList());
        years[0].ShouldBe(2024);

        var awarded = (await ApiAsync("sort=penghargaan&pageSize=100")).GetProperty("items").EnumerateArray().Select(Innovation).ToList();
        var awards = awarded.Select(i => i.GetProperty("awardCount").GetInt32()).ToList();
        awards.ShouldBe(awards.OrderDescending().ToList());
        awards.ShouldBe(Lines.Select(l => l.Awards.Count).OrderDescending().ToList());
        portal.SourceIdOf(awarded[0].GetProperty("id").GetInt32()).ShouldBe(Rec.KtpPulau);

        var words = (await ApiAsync(Q("desa") + "&sort=terbaru")).GetProperty("items").EnumerateArray().Select(i => Innovation(i).GetProperty("yearStarted").GetInt32()).ToList();
        words.Count.ShouldBeGreaterThan(2);
        words.ShouldBe(words.OrderDescending().ToList());
    }

    [SkippableTheory]
    [InlineData("sort=terbaru")]
    [InlineData("q=desa")]
    public async Task Page_two_of_a_two_per_page_search_holds_the_third_and_fourth_results(string query)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var four = Ids(await ApiAsync(query + "&pageSize=4"));
        four.Count.ShouldBe(4);
        var second = await ApiAsync(query + "&pageSize=2&page=2");
        second.GetProperty("page").GetInt32().ShouldBe(2);
        second.GetProperty("pageSize").GetInt32().ShouldBe(2);
        Ids(second).ShouldBe(four[2..4]);
    }

    [SkippableFact]
    public async Task Snippets_mark_the_matching_word_and_encode_HTML_from_the_record()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var body = await ApiAsync(Q("persalinan"));
        Snippet(body, Rec.RumahTunggu).ShouldContain("menjelang <mark>persalinan</mark> agar");
        Snippet(body, Rec.Ambulans).ShouldContain("ibu <mark>bersalin</mark> ke");

        var encoded = Snippet(await ApiAsync(Q("bioflok")), Rec.Bioflok);
        encoded.ShouldContain("&lt;b&gt;<mark>bioflok</mark>&lt;/b&gt; &amp; probiotik &lt;script&gt;alert(1)&lt;/script&gt;");
        encoded.ShouldNotContain("<script>");

        var page = await PageAsync("/cari?" + Q("bioflok"));
        var card = page.QuerySelectorAll(".card").Single(c => c.QuerySelector("h3 a")!.GetAttribute("href") == $"/inovasi/{portal.Ids[Rec.Bioflok]}");
        card.QuerySelector(".snippet mark")!.TextContent.ShouldBe("bioflok");
        card.QuerySelector(".snippet")!.TextContent.ShouldContain("<script>alert(1)</script>");
        page.QuerySelectorAll(".results script, .results b").Length.ShouldBe(0);
    }

    [SkippableFact]
    public async Task The_search_page_shows_the_count_the_results_and_facet_links_that_narrow_them()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var page = await PageAsync("/cari?q=stunting");
        page.QuerySelector(".count")!.TextContent.ShouldContain("2 hasil");
        page.QuerySelector(".count")!.TextContent.ShouldContain("stunting");
        page.QuerySelectorAll(".cards .card h3 a").Select(a => a.GetAttribute("href")).ShouldBe(
            [$"/inovasi/{portal.Ids[Rec.Stunting]}", $"/inovasi/{portal.Ids[Rec.Tengkes]}"], ignoreOrder: true);
        var link = page.QuerySelectorAll(".facets a").Single(a => a.GetAttribute("href") == "/cari?q=stunting&province=35");
        link.TextContent.ShouldBe("Jawa Timur");
        link.ParentElement!.QuerySelector(".n")!.TextContent.ShouldBe("1");

        var narrowed = await PageAsync(link.GetAttribute("href")!);
        narrowed.QuerySelector(".count")!.TextContent.ShouldContain("1 hasil");
        narrowed.QuerySelectorAll(".cards .card h3 a").Select(a => a.TextContent).ShouldBe(["Gerakan Cegah Stunting Berbasis Posyandu"]);
        narrowed.QuerySelector(".chips")!.TextContent.ShouldContain("Jawa Timur");

        var all = await PageAsync("/cari");
        all.QuerySelector(".count")!.TextContent.Trim().ShouldBe($"{Lines.Length} hasil");
        all.QuerySelectorAll(".facets a").Select(a => a.GetAttribute("href")).ShouldContain("/cari?sector=KESEHATAN");
    }

    [SkippableFact]
    public async Task The_search_API_returns_items_total_facets_corrections_and_expansions()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var body = await ApiAsync(Q("AKI"));
        body.GetProperty("query").GetString().ShouldBe("AKI");
        var items = body.GetProperty("items").EnumerateArray().Select(Innovation).ToList();
        body.GetProperty("total").GetInt32().ShouldBe(items.Count);
        items.Take(2).Select(i => i.GetProperty("name").GetString())
            .ShouldBe(["Rumah Tunggu Persalinan Desa", "Pendampingan Bidan bagi Ibu Hamil Risiko Tinggi"], ignoreOrder: true);
        var provinces = body.GetProperty("facets").GetProperty("province").EnumerateArray()
            .Select(f => $"{f.GetProperty("value").GetString()} {f.GetProperty("name").GetString()} {f.GetProperty("count").GetInt32()}").ToList();
        provinces.ShouldContain("52 Nusa Tenggara Barat 1");
        provinces.ShouldBe(items.GroupBy(i => i.GetProperty("province").GetProperty("code").GetString())
            .Select(g => $"{g.Key} {g.First().GetProperty("province").GetProperty("name").GetString()} {g.Count()}"), ignoreOrder: true);
        body.GetProperty("corrections").GetArrayLength().ShouldBe(0);
        body.GetProperty("alsoSearched").EnumerateArray().Select(e => e.GetString()!).ShouldContain(e => e.EndsWith(" ibu"));

        var typo = await ApiAsync(Q("kesehtan"));
        var correction = typo.GetProperty("corrections")[0];
        (correction.GetProperty("written").GetString(), correction.GetProperty("corrected").GetString()).ShouldBe(("kesehtan", "kesehatan"));
    }

    [SkippableFact]
    public async Task Synonym_expansions_are_shown_as_people_write_them_not_as_stems()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var expansions = (await ApiAsync(Q("AKI"))).GetProperty("alsoSearched").EnumerateArray().Select(e => e.GetString()).ToList();
        expansions.ShouldContain("angka kematian ibu");
        expansions.ShouldNotContain("angka mati ibu");
        (await PageAsync("/cari?q=AKI")).QuerySelector(".note")!.TextContent.ShouldContain("angka kematian ibu");
    }

    [SkippableFact]
    public async Task Similar_innovations_list_a_related_record_and_never_the_record_itself()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        foreach (var (sourceId, id) in portal.Ids)
        {
            var links = await SimilarLinksAsync(id);
            links.ShouldNotContain($"/inovasi/{id}", sourceId);
            links.ShouldAllBe(l => portal.Ids.Values.Any(v => l == $"/inovasi/{v}"));
            var related = sourceId switch { Rec.Stunting => Rec.Tengkes, Rec.Tengkes => Rec.Stunting, _ => null };
            if (related is not null)
            {
                links.ShouldContain($"/inovasi/{portal.Ids[related]}", sourceId);
            }
        }
    }

    [SkippableFact]
    public async Task A_synonym_group_added_to_the_table_is_used_once_the_vocabulary_reloads()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        (await FoundAsync(Q("shrimp"))).ShouldBeEmpty();
        await portal.Factory.WithDbAsync(db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.SearchSynonyms.Add(new SearchSynonym { Kind = SynonymKind.English, Phrases = SearchSynonym.NormalisePhrases("shrimp | udang"), CreatedAt = now, UpdatedAt = now });
            return db.SaveChangesAsync();
        });
        portal.Factory.Services.GetRequiredService<SearchVocabulary>().Invalidate();

        // The first search after Invalidate() is served from the old words while the new ones load in the background.
        var found = new List<string>();
        for (var attempt = 0; attempt < 50 && found.Count == 0; attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 100);
            found = await FoundAsync(Q("shrimp"));
        }

        found.ShouldBe([Rec.Bioflok]);
    }

    [SkippableFact]
    public async Task Importing_again_changes_nothing_and_a_changed_line_updates_the_record_and_its_index_entry()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var count = await portal.Factory.WithDbAsync(db => db.Innovations.CountAsync());
        var again = await ExchangeLine.ImportAsync(portal.Factory, SearchPortal.File);
        (again.Added, again.Updated, again.Unchanged, again.Errors.Count).ShouldBe((0, 0, Lines.Length, 0));
        (await FoundAsync(Q("tapis"))).ShouldBeEmpty();

        var changed = SearchPortal.File.Replace("Pengrajin songket", "Pengrajin tapis", StringComparison.Ordinal);
        changed.ShouldNotBe(SearchPortal.File);
        try
        {
            var update = await ExchangeLine.ImportAsync(portal.Factory, changed);
            (update.Added, update.Updated, update.Unchanged, update.Errors.Count).ShouldBe((0, 1, Lines.Length - 1, 0));
            (await portal.Factory.WithDbAsync(db => db.Innovations.CountAsync())).ShouldBe(count);
            (await portal.Factory.WithDbAsync(db => db.Innovations.SingleAsync(i => i.Id == portal.Ids[Rec.Songket]))).Summary!.ShouldStartWith("Pengrajin tapis");
            (await FoundAsync(Q("songket"))).ShouldBeEmpty();
            (await FoundAsync(Q("tapis"))).ShouldBe([Rec.Songket]);
        }
        finally
        {
            await ExchangeLine.ImportAsync(portal.Factory, SearchPortal.File);
        }

        (await FoundAsync(Q("songket"))).ShouldBe([Rec.Songket]);
    }

    [SkippableFact]
    public async Task An_unpublished_innovation_disappears_from_search()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var id = portal.Ids[Rec.Becak];
        (await FoundAsync(Q("becak"))).ShouldBe([Rec.Becak]);
        try
        {
            await SetPublishedAsync(id, false);
            var body = await ApiAsync(Q("becak"));
            body.GetProperty("total").GetInt32().ShouldBe(0);
            body.GetProperty("items").GetArrayLength().ShouldBe(0);
            var all = await ApiAsync("pageSize=100");
            all.GetProperty("total").GetInt32().ShouldBe(Lines.Length - 1);
            Ids(all).ShouldNotContain(Rec.Becak);
            Facet(all, "province").ShouldContain("51=1");
        }
        finally
        {
            await SetPublishedAsync(id, true, cleanUp: true);
        }

        (await FoundAsync(Q("becak"))).ShouldBe([Rec.Becak]);
    }

    [SkippableFact]
    public async Task An_unpublished_innovation_leaves_the_similar_lists_of_other_innovations()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var id = portal.Ids[Rec.Becak];
        var listing = new List<int>();
        foreach (var other in portal.Ids.Values.Where(v => v != id))
        {
            if ((await SimilarLinksAsync(other)).Contains($"/inovasi/{id}"))
            {
                listing.Add(other);
            }
        }

        listing.ShouldNotBeEmpty();
        try
        {
            await SetPublishedAsync(id, false);
            (await Client.GetAsync($"/inovasi/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            foreach (var other in listing)
            {
                (await SimilarLinksAsync(other)).ShouldNotContain($"/inovasi/{id}", $"similar list of /inovasi/{other} links to the unpublished record");
            }
        }
        finally
        {
            await SetPublishedAsync(id, true, cleanUp: true);
        }
    }

    [SkippableFact]
    public async Task A_capped_search_counts_past_its_candidates_and_stops_at_the_count_limit()
    {
        const string q = "warga";
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var query = new SearchQuery(q, new Jippnas.Web.Features.Innovations.InnovationFilter());
        var all = await SearchWithAsync(query, new SearchOptions());
        all.TotalIsLowerBound.ShouldBeFalse();
        all.Total.ShouldBeGreaterThanOrEqualTo(5, $"'{q}' should match at least five records of the test set");

        // Two candidates ranked, the rest counted: exactly, when the count limit is above the matches ...
        var counted = await SearchWithAsync(query, new SearchOptions { CandidateLimit = 2, CountLimit = all.Total + 5 });
        counted.Ranked.ShouldBe(2);
        counted.FacetsFromTop.ShouldBeTrue();
        counted.Total.ShouldBe(all.Total);
        counted.TotalIsLowerBound.ShouldBeFalse();

        // ... and as "more than" the limit when the matches pass it.
        var bounded = await SearchWithAsync(query, new SearchOptions { CandidateLimit = 2, CountLimit = 3 });
        bounded.Ranked.ShouldBe(2);
        bounded.Total.ShouldBe(3);
        bounded.TotalIsLowerBound.ShouldBeTrue();
    }

    [SkippableFact]
    public async Task A_need_named_in_one_word_is_read_first_and_the_whole_query_still_counted()
    {
        const string q = "ktp";
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var query = new SearchQuery(q, new Jippnas.Web.Features.Innovations.InnovationFilter());
        var all = await SearchWithAsync(query, new SearchOptions());
        all.Plan.Groups.ShouldHaveSingleItem().Alternatives.ShouldContain(a => a.Length > 1, "'ktp' has multi-word expansions");
        all.Plan.Groups[0].Alternatives.ShouldContain(a => a.Length == 1);
        all.Total.ShouldBeGreaterThanOrEqualTo(2, $"'{q}' should match at least two records of the test set");

        // One candidate is found by the one-word reading; the count still covers the records found only by an expansion.
        var capped = await SearchWithAsync(query, new SearchOptions { CandidateLimit = 1, CountLimit = all.Total + 5 });
        capped.Ranked.ShouldBe(1);
        capped.Total.ShouldBe(all.Total);
        capped.TotalIsLowerBound.ShouldBeFalse();

        // Matching asks for no count: the total is only "more than" what was ranked.
        var uncounted = await SearchWithAsync(query with { Counted = false }, new SearchOptions { CandidateLimit = 1, CountLimit = all.Total + 5 });
        uncounted.Ranked.ShouldBe(1);
        uncounted.TotalIsLowerBound.ShouldBeTrue();
    }

    [SkippableFact]
    public async Task A_timed_search_gives_the_same_result_and_the_time_of_each_step()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var query = new SearchQuery("warga sekolah", new Jippnas.Web.Features.Innovations.InnovationFilter());
        var plain = await SearchWithAsync(query, new SearchOptions());
        var timings = new SearchTimings();
        var timed = await SearchWithAsync(query, new SearchOptions(), timings);

        timed.Total.ShouldBe(plain.Total);
        timed.Hits.Select(h => h.Item.Id).ShouldBe(plain.Hits.Select(h => h.Item.Id));
        timings.Milliseconds.Length.ShouldBe(Enum.GetValues<SearchStep>().Length);
        timings.Milliseconds.ShouldAllBe(ms => ms >= 0);
        timings.Milliseconds[(int)SearchStep.Candidates].ShouldBeGreaterThan(0);
        timings.Milliseconds[(int)SearchStep.Page].ShouldBeGreaterThan(0);
    }

    private Task<SearchResult> SearchWithAsync(SearchQuery query, SearchOptions options, SearchTimings? timings = null) =>
        portal.Factory.WithDbAsync(db => new SearchService(
            db,
            portal.Factory.Services.GetRequiredService<SearchVocabulary>(),
            portal.Factory.Services.GetRequiredService<SimilarCache>(),
            Microsoft.Extensions.Options.Options.Create(options)).SearchAsync(query, CancellationToken.None, timings));

    private static string Q(string q) => "q=" + Uri.EscapeDataString(q);

    private static JsonElement Innovation(JsonElement item) => item.GetProperty("innovation");

    private static string[] Expected(string dimension, IEnumerable<ExchangeLine> lines) =>
        [.. lines.SelectMany(l => Values(dimension, l)).GroupBy(v => v).Select(g => $"{g.Key}={g.Count()}").Order()];

    // What a record holds for a facet, written as the URL parameter takes it; computed from the test data, not by the product.
    private static IEnumerable<string> Values(string dimension, ExchangeLine line)
    {
        var stage = SearchPortal.Stages.GetValueOrDefault(line.SourceId, (null, InnovationStatus.Unconfirmed));
        string?[] values = dimension switch
        {
            "province" => [line.Province],
            "regency" => [line.RegencyCity],
            "sector" => [line.Sector],
            "year" => [line.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            "sdg" => [.. line.Sdgs],
            "source" => [line.Source],
            "award" => [.. line.Awards],
            "phase" => [stage.Phase switch { InnovationPhase.Creation => "penciptaan", InnovationPhase.Development => "pengembangan", InnovationPhase.Institutionalisation => "pelembagaan", _ => null }],
            "status" => [stage.Status switch { InnovationStatus.Running => "berjalan", InnovationStatus.Developing => "berkembang", InnovationStatus.Stopped => "berhenti", InnovationStatus.Dormant => "vakum", _ => "belum-dikonfirmasi" }],
            _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
        };
        return values.OfType<string>();
    }

    private static string[] Facet(JsonElement body, string dimension) =>
        [.. body.GetProperty("facets").GetProperty(dimension).EnumerateArray().Select(f => $"{f.GetProperty("value").GetString()}={f.GetProperty("count").GetInt32()}").Order()];

    private List<string> Ids(JsonElement body) =>
        [.. body.GetProperty("items").EnumerateArray().Select(i => portal.SourceIdOf(Innovation(i).GetProperty("id").GetInt32()))];

    private string Snippet(JsonElement body, string sourceId) =>
        body.GetProperty("items").EnumerateArray().Single(i => Innovation(i).GetProperty("id").GetInt32() == portal.Ids[sourceId]).GetProperty("snippet").GetString()!;

    private async Task<List<string>> FoundAsync(string query) => Ids(await ApiAsync(query + "&pageSize=100"));

    private async Task<JsonElement> ApiAsync(string query)
    {
        var response = await Client.GetAsync("/api/v1/search?" + query);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return await Parser.ParseDocumentAsync(html);
    }

    private async Task<List<string>> SimilarLinksAsync(int id) =>
        [.. (await PageAsync($"/inovasi/{id}")).QuerySelectorAll(".similar a").Select(a => a.GetAttribute("href")!)];

    private async Task SetPublishedAsync(int id, bool published, bool cleanUp = false)
    {
        await portal.Factory.WithDbAsync(db => db.Innovations.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.IsPublished, published)));
        await SearchPortal.IndexAsync(portal.Factory, [id], cleanUp);
    }
}

public sealed class SqliteSearchTests(SqliteSearchPortal portal) : SearchTests(portal), IClassFixture<SqliteSearchPortal>;

public sealed class PostgresSearchTests(PostgresSearchPortal portal) : SearchTests(portal), IClassFixture<PostgresSearchPortal>;
