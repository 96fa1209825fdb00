using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Features.Imports;
using Jippnas.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jippnas.IntegrationTests;

/// <summary>
/// The golden relevance set (bench/relevance): the corpus goes in through the exchange-format import, every
/// judged query runs through the product's search, and the figures must meet the targets on both databases.
/// </summary>
public abstract class RelevanceTests(DatabaseProvider provider, ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "relevance");

    [SkippableFact]
    public async Task The_golden_set_meets_the_relevance_targets()
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var portal = new PortalFactory(database);
        _ = portal.Server;
        await using var scope = portal.Services.CreateAsyncScope();

        {
            var summary = await scope.ServiceProvider.GetRequiredService<ExchangeImport>().ImportAsync(() => File.OpenRead(Path.Combine(Folder, "corpus.jsonl")));
            summary.Errors.ShouldBeEmpty();
            summary.Added.ShouldBeGreaterThanOrEqualTo(150);
        }

        using var reader = new StreamReader(Path.Combine(Folder, "queries.jsonl"));
        var queries = RelevanceQuery.ReadJsonLines(reader);
        queries.Count.ShouldBeGreaterThanOrEqualTo(40);
        await WaitForVocabularyAsync(scope.ServiceProvider);
        using var keys = new StreamReader(Path.Combine(Folder, "corpus.jsonl"));
        var report = await scope.ServiceProvider.GetRequiredService<RelevanceEvaluation>().RunAsync(queries, RelevanceEvaluation.CorpusKeys(keys), CancellationToken.None);
        output.WriteLine(report.Format());

        report.Overall.Recall.ShouldBeGreaterThanOrEqualTo(0.9);
        report.Overall.Mrr.ShouldBeGreaterThanOrEqualTo(0.75);
        foreach (var (kind, figures) in report.ByKind)
        {
            figures.Recall.ShouldBeGreaterThanOrEqualTo(0.8, $"recall@10 of kind {kind}");
            figures.Mrr.ShouldBeGreaterThanOrEqualTo(0.8, $"MRR of kind {kind}");
        }
    }

    // The import invalidates the vocabulary, which reloads in the background: wait until it knows the corpus.
    private static async Task WaitForVocabularyAsync(IServiceProvider services)
    {
        var vocabulary = services.GetRequiredService<SearchVocabulary>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await vocabulary.GetAsync(CancellationToken.None)).DocumentCount >= 150)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The search vocabulary did not reload after the import.");
    }
}

public sealed class SqliteRelevanceTests(ITestOutputHelper output) : RelevanceTests(DatabaseProvider.Sqlite, output);

public sealed class PostgresRelevanceTests(ITestOutputHelper output) : RelevanceTests(DatabaseProvider.PostgreSql, output);
