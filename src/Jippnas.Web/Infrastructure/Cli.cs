using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Duplicates;
using Jippnas.Web.Features.Imports;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Infrastructure;

/// <summary>
/// Commands run through the same configuration as the portal (<c>dotnet run --project src/Jippnas.Web -- COMMAND</c>):
/// <c>synthetic N [--seed n]</c>, <c>migrate</c>, <c>rebuild-tallies</c>, <c>rebuild-search</c>, <c>schema-script</c>,
/// <c>import FILE [--source CODE] [--dry-run]</c>, <c>relevance CORPUS.jsonl QUERIES.jsonl [--check]</c>, <c>synonyms [add KIND "a | b"]</c>,
/// <c>add-account EMAIL "NAME" ROLE [SCOPE KEY]</c> (password on standard input), <c>maturity-instrument FILE [--check]</c>.
/// Settings go as <c>--Key=Value</c> arguments.
/// </summary>
internal static class Cli
{
    private const string Usage = "Commands: synthetic <count> [--seed n], migrate, rebuild-tallies, rebuild-search, schema-script, import <file.csv|xlsx|jsonl> [--source KIPP|IGA|LAN|PROVINSI|JIPPNAS] [--dry-run] [--no-duplicates], find-duplicates, relevance <corpus.jsonl> <queries.jsonl> [--check], matching <corpus.jsonl>... <cases.jsonl> [--check], synonyms [add <synonym|acronym|english> \"a | b\"], " + Features.Accounts.AddAccountCommand.Usage + ", synthetic-agencies <government agency id> <agencies> <years> [--seed n], maturity-instrument <file.json> [--check], synthetic-replications <count> [--seed n].";

    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }

        var command = args[0];
        if (command is not ("synthetic" or "migrate" or "schema-script" or "rebuild-tallies" or "rebuild-search" or "import" or "find-duplicates" or "relevance" or "matching" or "synonyms" or "add-account" or "synthetic-agencies" or "maturity-instrument" or "synthetic-replications"))
        {
            return Fail($"Unknown command '{command}'. {Usage}");
        }

        var builder = Host.CreateApplicationBuilder([.. args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))]);
        builder.Services.AddJippnasDatabase(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddInnovations();
        builder.Services.AddSearch(builder.Configuration);
        builder.Services.AddImports();
        builder.Services.AddDuplicates();
        builder.Services.AddAccounts(builder.Configuration, builder.Environment);
        builder.Services.AddScoped<Features.Compliance.SyntheticAgencies>();
        builder.Services.AddScoped<Features.Maturity.MaturityDesk>();
        builder.Services.AddScoped<Features.Replication.SyntheticReplications>();
        builder.Services.AddScoped<Features.Replication.MatchingService>().AddScoped<Features.Replication.MatchingEvaluation>();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var positional = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();

        if (command == "schema-script")
        {
            Console.WriteLine(services.GetRequiredService<JippnasDb>().Database.GenerateCreateScript());
            return true;
        }

        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(
            CancellationToken.None, cancellationToken => services.GetRequiredService<ReferenceDataLoader>().LoadAsync(cancellationToken));
        return command switch
        {
            "rebuild-tallies" => await RebuildTalliesAsync(services),
            "rebuild-search" => await RebuildSearchAsync(services),
            "synthetic" => await SyntheticAsync(services, args),
            "synthetic-agencies" => await SyntheticAgenciesAsync(services, positional, args),
            "import" => await ImportAsync(services, args),
            "synthetic-replications" => await SyntheticReplicationsAsync(services, positional, args),
            "maturity-instrument" => await MaturityInstrumentAsync(services, positional, args.Contains("--check")),
            "find-duplicates" => await FindDuplicatesAsync(services, null),
            "relevance" => await RelevanceAsync(services, positional, args.Contains("--check")),
            "matching" => await MatchingAsync(services, positional, args.Contains("--check")),
            "synonyms" => await SynonymsAsync(services, positional),
            "add-account" => await AddAccountCommand.RunAsync(services.GetRequiredService<AccountDirectory>(), positional, Console.In, CancellationToken.None) is { } problem
                ? Fail(problem)
                : Done($"Account {positional[0]} created."),
            _ => true,
        };
    }

    private static async Task<bool> RebuildTalliesAsync(IServiceProvider services)
    {
        await services.GetRequiredService<JippnasDb>().RebuildTalliesAsync(CancellationToken.None);
        Console.WriteLine("Tallies rebuilt.");
        return true;
    }

    private static async Task<bool> RebuildSearchAsync(IServiceProvider services)
    {
        var rebuild = await services.GetRequiredService<SearchIndexer>().RebuildAsync(
            new Progress<int>(done => Console.Error.Write($"\r{done:N0} innovations indexed")), CancellationToken.None);
        var seconds = rebuild.Build.TotalSeconds;
        Console.Error.WriteLine();
        // One line, read by bench/search/run.sh: the build (what the engines' own bulk builds are compared with),
        // then the merge or vacuum after it, which the engines' builds are not timed with either.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Search index rebuilt: {rebuild.Count} innovations in {seconds:0.0} s ({rebuild.Count / Math.Max(seconds, 0.001):0} per second); tidying up after the commit: {rebuild.Tidy.TotalSeconds:0.0} s."));
        return true;
    }

    private static async Task<bool> SyntheticAsync(IServiceProvider services, string[] args)
    {
        if (args.Length < 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 5_000_000)
        {
            return Fail("synthetic: give the number of innovations to add, from 1 to 5000000 (e.g. 'synthetic 100000').");
        }

        var seedAt = Array.IndexOf(args, "--seed");
        var seed = 20201103;
        if (seedAt > 0 && (seedAt + 1 >= args.Length || !int.TryParse(args[seedAt + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed)))
        {
            return Fail("synthetic: --seed takes a whole number (e.g. '--seed 7').");
        }

        var generator = services.GetRequiredService<SyntheticInnovations>();
        await generator.AddAsync(count, seed, new Progress<int>(done => Console.Error.Write($"\r{done:N0} / {count:N0}")), CancellationToken.None);
        Console.Error.WriteLine();
        Console.WriteLine($"Added {count} synthetic innovations.");
        return true;
    }

    private static async Task<bool> SyntheticAgenciesAsync(IServiceProvider services, List<string> positional, string[] args)
    {
        int[] numbers = [.. positional.Take(3).Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)];
        if (numbers.Length < 3 || numbers[0] < 1 || numbers[1] is < 1 or > 500 || numbers[2] is < 1 or > 30)
        {
            return Fail("synthetic-agencies: give a regional government's agency id, 1–500 agencies and 1–30 years (e.g. 'synthetic-agencies 266 40 10').");
        }

        var seedAt = Array.IndexOf(args, "--seed");
        var seed = 20201103;
        if (seedAt > 0 && (seedAt + 1 >= args.Length || !int.TryParse(args[seedAt + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed)))
        {
            return Fail("synthetic-agencies: --seed takes a whole number (e.g. '--seed 7').");
        }

        try
        {
            var (agencies, innovations) = await services.GetRequiredService<Features.Compliance.SyntheticAgencies>().LoadAsync(numbers[0], numbers[1], numbers[2], seed, CancellationToken.None);
            Console.WriteLine($"Added {agencies} synthetic agencies and {innovations} synthetic innovations to agency {numbers[0]}.");
            return true;
        }
        catch (ArgumentException e)
        {
            return Fail($"synthetic-agencies: {e.Message}");
        }
    }

    private static async Task<bool> SyntheticReplicationsAsync(IServiceProvider services, List<string> positional, string[] args)
    {
        if (positional.Count < 1 || !int.TryParse(positional[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 1_000_000)
        {
            return Fail("synthetic-replications: give the number of replications to add, from 1 to 1000000 (e.g. 'synthetic-replications 50000').");
        }

        var seedAt = Array.IndexOf(args, "--seed");
        var seed = 20201103;
        if (seedAt > 0 && (seedAt + 1 >= args.Length || !int.TryParse(args[seedAt + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed)))
        {
            return Fail("synthetic-replications: --seed takes a whole number (e.g. '--seed 7').");
        }

        try
        {
            var (top, times) = await services.GetRequiredService<Features.Replication.SyntheticReplications>()
                .AddAsync(count, seed, new Progress<int>(done => Console.Error.Write($"\r{done:N0} / {count:N0}")), CancellationToken.None);
            Console.Error.WriteLine();
            Console.WriteLine($"Added {count} synthetic replications; most replicated: innovation {top} ({times} replications).");
            return true;
        }
        catch (ArgumentException e)
        {
            return Fail($"synthetic-replications: {e.Message}");
        }
    }

    private static async Task<bool> MaturityInstrumentAsync(IServiceProvider services, List<string> positional, bool checkOnly)
    {
        if (positional.Count != 1 || !File.Exists(positional[0]))
        {
            return Fail("maturity-instrument: give the path of an instrument file (JSON; see docs/design/hubs.md), e.g. 'maturity-instrument instrumen-2026.json --check'.");
        }

        var (outcome, read) = await services.GetRequiredService<Features.Maturity.MaturityDesk>()
            .LoadAsync(await File.ReadAllTextAsync(positional[0]), positional[0], null, checkOnly, CancellationToken.None);
        if (!outcome.Succeeded)
        {
            return Fail(string.Join(Environment.NewLine, outcome.Errors.Select(e => $"maturity-instrument: {e.Message}")));
        }

        return Done($"Instrument {read!.Year}: {read.Aspects.Count} aspects, {read.Questions.Count()} questions {(checkOnly ? "checked (not loaded)" : "loaded")}.");
    }

    private static async Task<bool> ImportAsync(IServiceProvider services, string[] args)
    {
        var sourceAt = Array.IndexOf(args, "--source");
        if (sourceAt > 0 && sourceAt + 1 >= args.Length)
        {
            return Fail("import: --source needs a source code (KIPP, IGA, LAN, PROVINSI, JIPPNAS).");
        }

        var source = sourceAt > 0 ? args[sourceAt + 1] : ColumnMapping.ExchangeSource;
        var dryRun = args.Contains("--dry-run");
        var positional = args.Skip(1).Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && i + 1 != sourceAt + 1).ToList();
        if (positional.Count != 1 || !File.Exists(positional[0]))
        {
            return Fail("import: give one file (CSV, XLSX or JSON Lines; docs/exchange-format.md), e.g. import data.csv --source KIPP [--dry-run].");
        }

        var path = positional[0];
        var progress = new Progress<ImportProgress>(p => Console.Error.Write($"\r{(p.Stage == ImportStage.Checking ? "Checked" : "Saved")} {p.Rows:N0} rows {Bar(p.Fraction)}  "));
        var summary = await services.GetRequiredService<ExchangeImport>().ImportAsync(() => File.OpenRead(path), source, dryRun, progress, CancellationToken.None);
        Console.Error.WriteLine();
        if (summary.ErrorCount > 0)
        {
            foreach (var error in summary.Errors.Take(200))
            {
                await Console.Error.WriteLineAsync(error.ToString());
            }

            return Fail($"import: {summary.ErrorCount} errors in {summary.Invalid} rows; nothing was saved.");
        }

        foreach (var name in summary.Unresolved)
        {
            await Console.Error.WriteLineAsync($"Not resolved ({name.Field}, {name.Rows} rows from row {name.Line}): {name.Written}");
        }

        Console.WriteLine(dryRun
            ? $"Checked, nothing saved: {summary.Added} would be added, {summary.Updated} updated, {summary.Unchanged} unchanged."
            : $"Imported: {summary.Added} added, {summary.Updated} updated, {summary.Unchanged} unchanged.");
        return dryRun || args.Contains("--no-duplicates") || summary.Touched.Count == 0 || await FindDuplicatesAsync(services, summary.Touched);
    }

    // A progress bar of 30 characters and the percentage, when the share done is known.
    private static string Bar(double? done) =>
        done is { } share ? string.Create(CultureInfo.InvariantCulture, $"[{new string('#', (int)(share * 30)).PadRight(30, '-')}] {share * 100,3:0}%") : "";

    // Proposes likely duplicates of the given innovations (every published one when null) for curators to review.
    private static async Task<bool> FindDuplicatesAsync(IServiceProvider services, IReadOnlyList<int>? ids)
    {
        ids ??= await services.GetRequiredService<JippnasDb>().Innovations.Where(i => i.IsPublished).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
        var total = ids.Count;
        var proposed = await services.GetRequiredService<DuplicateFinder>().ProposeAsync(
            ids, new Progress<int>(done => Console.Error.Write($"\rLooked for duplicates of {done:N0} of {total:N0} innovations {Bar((double)done / Math.Max(1, total))}  ")), CancellationToken.None);
        Console.Error.WriteLine();
        Console.WriteLine($"Likely duplicates proposed: {proposed} new pairs (review them at /admin/duplikat).");
        return true;
    }

    private static async Task<bool> RelevanceAsync(IServiceProvider services, List<string> positional, bool check)
    {
        if (positional.Count != 2 || !positional.All(File.Exists))
        {
            return Fail("relevance: give the corpus and the queries, both JSON Lines files (bench/relevance/).");
        }

        // The import reports its own problems and sets the exit code; nothing is evaluated after a failed one.
        if (await ImportAsync(services, ["import", positional[0]]) && Environment.ExitCode != 0)
        {
            return true;
        }

        using var reader = new StreamReader(positional[1]);
        var queries = RelevanceQuery.ReadJsonLines(reader);
        using var corpus = new StreamReader(positional[0]);
        var report = await services.GetRequiredService<RelevanceEvaluation>().RunAsync(queries, RelevanceEvaluation.CorpusKeys(corpus), CancellationToken.None);
        Console.Write(report.Format());
        var failed = report.Overall.Recall < 0.9 || report.Overall.Mrr < 0.75 || report.ByKind.Values.Any(k => k.Recall < 0.8 || k.Mrr < 0.8);
        if (check && failed)
        {
            return Fail("relevance: below target (recall@10 ≥ 0.9 and MRR ≥ 0.75 overall; no kind below 0.8).");
        }

        return true;
    }

    // The matching golden set (bench/matching): the corpora go in through the import, then every real replication case
    // runs through the matching; --check fails below recall@10 0.8 with the sector (what the matching page asks for).
    private static async Task<bool> MatchingAsync(IServiceProvider services, List<string> positional, bool check)
    {
        if (positional.Count < 2 || !positional.All(File.Exists))
        {
            return Fail("matching: give one or more corpus files and then the cases, all JSON Lines (bench/relevance/corpus.jsonl bench/matching/origins.jsonl bench/matching/cases.jsonl).");
        }

        var judged = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var corpus in positional[..^1])
        {
            if (await ImportAsync(services, ["import", corpus]) && Environment.ExitCode != 0)
            {
                return true;
            }

            using var keys = new StreamReader(corpus);
            judged.UnionWith(RelevanceEvaluation.CorpusKeys(keys));
        }

        List<Features.Replication.MatchCase> cases;
        try
        {
            using var reader = new StreamReader(positional[^1]);
            cases = Features.Replication.MatchCase.ReadJsonLines(reader);
            var report = await services.GetRequiredService<Features.Replication.MatchingEvaluation>().RunAsync(cases, judged, CancellationToken.None);
            Console.Write(report.Format());
            if (check && Features.Replication.MatchingReport.Recall(report.WithSector) < 0.8)
            {
                return Fail("matching: below target (recall@10 ≥ 0.8 with the sector).");
            }
        }
        catch (FormatException exception)
        {
            return Fail($"matching: {exception.Message}");
        }

        return true;
    }

    private static async Task<bool> SynonymsAsync(IServiceProvider services, List<string> positional)
    {
        var db = services.GetRequiredService<JippnasDb>();
        if (positional.Count == 0)
        {
            foreach (var s in await db.SearchSynonyms.AsNoTracking().OrderBy(s => s.Id).ToListAsync())
            {
                Console.WriteLine($"{s.Id,4} {s.Kind,-8} {(s.IsActive ? "" : "(off) ")}{s.Phrases}");
            }

            return true;
        }

        if (positional is not ["add", var kindText, var phrases] || !Enum.TryParse<SynonymKind>(kindText, ignoreCase: true, out var kind))
        {
            return Fail("synonyms: 'synonyms' lists the groups; 'synonyms add synonym|acronym|english \"a | b\"' adds one.");
        }

        try
        {
            var now = TimeProvider.System.GetUtcNow();
            db.SearchSynonyms.Add(new SearchSynonym { Kind = kind, Phrases = SearchSynonym.NormalisePhrases(phrases), CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        }
        catch (DomainException exception)
        {
            return Fail($"synonyms: {exception.Field}: {exception.Message}");
        }
        catch (DbUpdateException)
        {
            return Fail("synonyms: that group already exists.");
        }

        Console.WriteLine("Synonym group added; running portals use it within five minutes.");
        return true;
    }

    private static bool Done(string message)
    {
        Console.WriteLine(message);
        return true;
    }

    private static bool Fail(string message)
    {
        Console.Error.WriteLine(message);
        Environment.ExitCode = 2;
        return true;
    }
}
