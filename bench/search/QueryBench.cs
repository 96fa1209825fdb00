using System.Diagnostics;
using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Search;
using Jippnas.Web.Features.Search.Analysis;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Bench.Search;

/// <summary>
/// Times <see cref="SearchService.SearchAsync"/> (ranking, facet counts and the page with snippets) per query class
/// and filter, one query at a time, next to the bare full-text query of the same analysed terms.
/// </summary>
public static class QueryBench
{
    private static readonly string[] FilterNames = ["none", "province", "sector"];

    public static async Task<int> RunAsync(IServiceProvider services, BenchOptions options, Report report)
    {
        var cancellationToken = CancellationToken.None;
        List<QueryClass> classes;
        FilterValues filters;
        VocabularySnapshot vocabulary;
        bool postgres;
        var started = Stopwatch.GetTimestamp();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JippnasDb>();
            postgres = db.Database.IsNpgsql();
            vocabulary = await scope.ServiceProvider.GetRequiredService<SearchVocabulary>().GetAsync(cancellationToken);
            (classes, filters) = await QuerySets.PickAsync(db, vocabulary, options.Queries, cancellationToken);
        }

        var engineName = postgres ? "PostgreSQL" : "SQLite";
        report.Line(string.Create(CultureInfo.InvariantCulture,
            $"# Search benchmark — {engineName}, {vocabulary.DocumentCount:N0} innovations, {vocabulary.WordCount:N0} words in the vocabulary"));
        report.Line();
        report.Line(string.Create(CultureInfo.InvariantCulture,
            $"Set-up: vocabulary and query picking {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s. {options.Rounds} rounds of {options.Queries} queries per cell after one warm-up run of each; a cell stops early after {options.SearchBudget:0} s (bare: {options.BareBudget:0} s) once it has {options.MinSamples} timings."));
        report.Line();
        foreach (var queryClass in classes)
        {
            report.Line($"## Class {queryClass.Name}: {queryClass.Description} — {queryClass.Queries.Count} queries");
            report.Line(string.Join(", ", queryClass.Queries.Select(q => $"`{q.Text}` ({q.Note})")));
            report.Line();
        }

        var cells = new List<Cell>();
        for (var c = 0; c < classes.Count; c++)
        {
            foreach (var filter in FilterNames)
            {
                var queries = classes[c].Queries.Select((q, i) => Query(q.Text, filter, filters, (i * 7) + c)).ToList();
                var bare = queries.ConvertAll(q => BareExpression(q, vocabulary, postgres));
                cells.Add(new Cell(classes[c].Name, filter, queries, bare));
            }
        }

        // Warm-up: every search once (JIT, the vocabulary, the page cache), the first three bare queries of each cell.
        foreach (var cell in cells)
        {
            foreach (var query in cell.Queries)
            {
                await SearchAsync(services, query, cancellationToken);
            }

            foreach (var expression in cell.Bare.Take(3))
            {
                await BareAsync(services, postgres, expression, cancellationToken);
            }
        }

        foreach (var cell in cells)
        {
            var budget = Stopwatch.GetTimestamp();
            for (var round = 0; round < options.Rounds && !Spent(budget, options.SearchBudget, cell.Search.Count, options.MinSamples); round++)
            {
                for (var i = 0; i < cell.Queries.Count && !Spent(budget, options.SearchBudget, cell.Search.Count, options.MinSamples); i++)
                {
                    var (ms, result) = await SearchAsync(services, cell.Queries[i], cancellationToken);
                    cell.Search.Add(ms);
                    cell.Totals.Add(result.Total);
                    cell.Capped += result.FacetsFromTop ? 1 : 0;
                }
            }

            budget = Stopwatch.GetTimestamp();
            for (var round = 0; round < options.Rounds && !Spent(budget, options.BareBudget, cell.BareTimes.Count, options.MinSamples); round++)
            {
                for (var i = 0; i < cell.Bare.Count && !Spent(budget, options.BareBudget, cell.BareTimes.Count, options.MinSamples); i++)
                {
                    cell.BareTimes.Add((await BareAsync(services, postgres, cell.Bare[i], cancellationToken)).Ms);
                }
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[search bench] {cell.Class}/{cell.Filter}: search p50 {Percentile(cell.Search, 0.5):0.0} p95 {Percentile(cell.Search, 0.95):0.0} ms; bare p50 {Percentile(cell.BareTimes, 0.5):0.0} p95 {Percentile(cell.BareTimes, 0.95):0.0} ms"));
        }

        report.Line("## Server time per query, ms (one query at a time)");
        report.Line();
        report.Line("SearchAsync = ranking of at most CandidateLimit matches, facet counts over them and the page of 20 with snippets. Bare = the engine's own ranked top 20 of the same analysed terms (and filter tags), no facets.");
        report.Line();
        report.Line("| Class | Filter | SearchAsync p50 | p95 | max | n | Bare FTS p50 | p95 | n | Mean total | Capped |");
        report.Line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var cell in cells)
        {
            report.Line(string.Create(CultureInfo.InvariantCulture,
                $"| {cell.Class} | {cell.Filter} | {Percentile(cell.Search, 0.5):0.0} | {Percentile(cell.Search, 0.95):0.0} | {cell.Search.DefaultIfEmpty().Max():0.0} | {cell.Search.Count} | {Percentile(cell.BareTimes, 0.5):0.0} | {Percentile(cell.BareTimes, 0.95):0.0} | {cell.BareTimes.Count} | {cell.Totals.DefaultIfEmpty().Average():N0} | {100.0 * cell.Capped / Math.Max(1, cell.Search.Count):0}% |"));
        }

        report.Line();
        if (options.Steps)
        {
            await StepsAsync(services, cells, report, cancellationToken);
        }

        foreach (var cell in cells)
        {
            // For bench/search/run.sh: one line per cell.
            report.Line(string.Create(CultureInfo.InvariantCulture,
                $"CELL class={cell.Class} filter={cell.Filter} n={cell.Search.Count} p50={Percentile(cell.Search, 0.5):0.00} p95={Percentile(cell.Search, 0.95):0.00} bare_n={cell.BareTimes.Count} bare_p50={Percentile(cell.BareTimes, 0.5):0.00} bare_p95={Percentile(cell.BareTimes, 0.95):0.00}"));
        }

        return 0;
    }

    private static async Task StepsAsync(IServiceProvider services, List<Cell> cells, Report report, CancellationToken cancellationToken)
    {
        report.Line("## Where the time goes: each step of SearchAsync, median ms over one more run of every query");
        report.Line();
        report.Line($"| Class | Filter | {string.Join(" | ", SearchSteps.Names)} | sum |");
        report.Line($"|---|---|{string.Concat(Enumerable.Repeat("---:|", SearchSteps.Names.Length + 1))}");
        foreach (var cell in cells)
        {
            var runs = new List<double[]>();
            foreach (var query in cell.Queries)
            {
                runs.Add(await SearchSteps.TimeAsync(services, query, cancellationToken));
            }

            var medians = Enumerable.Range(0, SearchSteps.Names.Length).Select(s => Percentile([.. runs.Select(r => r[s])], 0.5)).ToList();
            report.Line(string.Create(CultureInfo.InvariantCulture,
                $"| {cell.Class} | {cell.Filter} | {string.Join(" | ", medians.Select(m => m.ToString("0.0", CultureInfo.InvariantCulture)))} | {Percentile([.. runs.Select(r => r.Sum())], 0.5):0.0} |"));
        }

        report.Line();
    }

    private static SearchQuery Query(string text, string filter, FilterValues values, int spread) => filter switch
    {
        "province" => new SearchQuery(text, new InnovationFilter(Province: values.Provinces[spread % values.Provinces.Count])),
        "sector" => new SearchQuery(text, new InnovationFilter(Sector: values.Sectors[spread % values.Sectors.Count].Code) { SectorId = values.Sectors[spread % values.Sectors.Count].Id }),
        _ => new SearchQuery(text, new InnovationFilter()),
    };

    /// <summary>The analysed terms of the query, all required, and its filter tags: what the engine alone is asked.</summary>
    private static string BareExpression(SearchQuery query, VocabularySnapshot vocabulary, bool postgres)
    {
        var plan = SearchPlanner.Plan(query.Q, vocabulary, IndonesianAnalyzer.Shared);
        var expression = MatchExpression.And([.. plan.Groups.Select(MatchExpression.Group), .. query.Tags().Select(MatchExpression.Term)]);
        return postgres ? expression.ToTsQuery() : expression.ToFts5();
    }

    private static async Task<(double Ms, SearchResult Result)> SearchAsync(IServiceProvider services, SearchQuery query, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<SearchService>();
        var started = Stopwatch.GetTimestamp();
        var result = await search.SearchAsync(query, cancellationToken);
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, result);
    }

    private static async Task<(double Ms, int Rows)> BareAsync(IServiceProvider services, bool postgres, string expression, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JippnasDb>();
        var started = Stopwatch.GetTimestamp();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandTimeout = 600;
            command.CommandText = postgres
                ? "SELECT innovation_id FROM innovation_search WHERE document @@ @q::tsquery ORDER BY ts_rank(document, @q::tsquery) DESC LIMIT 20"
                : "SELECT rowid FROM innovation_search WHERE innovation_search MATCH @q ORDER BY rank LIMIT 20";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@q";
            parameter.Value = expression;
            command.Parameters.Add(parameter);
            var rows = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
            }

            return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, rows);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static bool Spent(long started, double seconds, int samples, int minSamples) =>
        samples >= minSamples && Stopwatch.GetElapsedTime(started).TotalSeconds > seconds;

    /// <summary>Nearest-rank percentile; NaN when there is no sample.</summary>
    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private sealed class Cell(string className, string filter, List<SearchQuery> queries, List<string> bare)
    {
        public string Class { get; } = className;
        public string Filter { get; } = filter;
        public List<SearchQuery> Queries { get; } = queries;
        public List<string> Bare { get; } = bare;
        public List<double> Search { get; } = [];
        public List<double> BareTimes { get; } = [];
        public List<int> Totals { get; } = [];
        public int Capped { get; set; }
    }
}
