using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jippnas.Web.Features.Imports;

public sealed class ImportOptions
{
    public const string Section = "Jippnas:Imports";

    /// <summary>Where uploaded files are kept (relative to the content root): each job reads its file twice, and again when re-run.</summary>
    public string Folder { get; set; } = "App_Data/imports";
}

/// <summary>
/// Uploaded files become jobs that one background worker checks (the preview) and, when the curator asks, saves.
/// Progress lives in memory (<see cref="Progress"/>): during a save the database is inside the import's own
/// transaction, which on SQLite no other connection may write beside. A job cut off by a restart is marked
/// interrupted at the next start; its transaction never committed, so nothing of it was saved, and it can be run again.
/// </summary>
public sealed class ImportJobs(IOptions<ImportOptions> options, IHostEnvironment environment)
{
    private readonly Channel<int> queue = Channel.CreateUnbounded<int>();

    public ConcurrentDictionary<int, ImportProgress> Progress { get; } = new();

    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Folder));

    /// <summary>The largest upload the page accepts (a CSV of 200,000 rows of 1–5 KB is about 600 MB; such files go by the command line).</summary>
    public const long MaxUploadBytes = 300L * 1024 * 1024;

    internal ChannelReader<int> Queue => queue.Reader;

    /// <summary>Stores an uploaded file under a random name and queues its check; returns the job.</summary>
    public async Task<ImportJob> CreateAsync(JippnasDb db, int sourceSystemId, string fileName, Stream content, string? user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var stored = $"{Guid.NewGuid():N}.upload";
        var path = Path.Combine(Folder, stored);
        long size;
        string hash;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                size = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    size += read;
                }

                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var job = new ImportJob
            {
                SourceSystemId = sourceSystemId, FileName = SafeName(fileName), StoredName = stored, Size = size, Sha256 = hash,
                State = ImportJobState.Checking, CreatedBy = user, CreatedAt = now, UpdatedAt = now,
            };
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync(cancellationToken);
            await queue.Writer.WriteAsync(job.Id, cancellationToken);
            return job;
        }
        catch
        {
            // No job points at a file whose upload or record failed: do not leave it behind.
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Queues a checked job for saving, or a job that was interrupted for checking again.</summary>
    public async Task<bool> RequestAsync(JippnasDb db, int id, bool save, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        var allowed = save
            ? job is { State: ImportJobState.Checked, ErrorCount: 0 }
            : job is { State: ImportJobState.Interrupted or ImportJobState.Failed or ImportJobState.Checked };
        if (job is null || !allowed)
        {
            return false;
        }

        job.State = save ? ImportJobState.Saving : ImportJobState.Checking;
        job.SaveRequested = save;
        job.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        Progress.TryRemove(id, out _);
        await queue.Writer.WriteAsync(id, cancellationToken);
        return true;
    }

    /// <summary>The listed errors of a job.</summary>
    public static IReadOnlyList<ImportError> ErrorsOf(ImportJob job) =>
        job.Errors is null ? [] : JsonSerializer.Deserialize<List<ImportError>>(job.Errors, JsonOptions) ?? [];

    public static IReadOnlyList<UnresolvedName> UnresolvedOf(ImportJob job) =>
        job.Unresolved is null ? [] : JsonSerializer.Deserialize<List<UnresolvedName>>(job.Unresolved, JsonOptions) ?? [];

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    // Only the last part of what the browser sent, without control characters: it is shown, never used as a path.
    private static string SafeName(string name)
    {
        var last = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string([.. last.Where(c => !char.IsControl(c))]).Trim();
        clean = clean.Length == 0 ? "berkas" : clean;
        return clean.Length > ImportJob.MaxFileName ? clean[..ImportJob.MaxFileName] : clean;
    }
}

/// <summary>Runs queued import jobs one at a time; at start, marks jobs a restart cut off as interrupted.</summary>
internal sealed class ImportWorker(ImportJobs jobs, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await MarkInterruptedAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The schema may not exist yet in a process that never migrates; the queue still runs.
            logger.LogWarning(exception, "Could not mark interrupted import jobs.");
        }

        await foreach (var id in jobs.Queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(id, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed job must not stop the queue; it is recorded on the job.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "Import job {Id} failed.", id);
                await MarkFailedAsync(id);
            }
            finally
            {
                jobs.Progress.TryRemove(id, out _);
            }
        }
    }

    // Marking a job failed may fail too (the database is what broke): log it and keep the queue running.
    private async Task MarkFailedAsync(int id)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JippnasDb>();
            await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Failed).SetProperty(j => j.UpdatedAt, clock.GetUtcNow()), CancellationToken.None);
        }
#pragma warning disable CA1031 // The queue must outlive a database outage; the job stays "checking" or "saving" and is marked interrupted at the next start.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "Import job {Id} could not be marked failed.", id);
        }
    }

    private async Task MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JippnasDb>();
        var count = await db.ImportJobs.Where(j => j.State == ImportJobState.Checking || j.State == ImportJobState.Saving)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Interrupted).SetProperty(j => j.UpdatedAt, clock.GetUtcNow()), cancellationToken);
        if (count > 0)
        {
            logger.LogWarning("{Count} import jobs were cut off by a restart; nothing of them was saved. They can be run again.", count);
        }
    }

    private async Task RunAsync(int id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JippnasDb>();
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is not { State: ImportJobState.Checking or ImportJobState.Saving })
        {
            return;
        }

        var source = await db.SourceSystems.AsNoTracking().Where(s => s.Id == job.SourceSystemId).Select(s => s.Code).SingleAsync(cancellationToken);
        var path = Path.Combine(jobs.Folder, job.StoredName);
        var save = job.State == ImportJobState.Saving;
        var progress = new Progress(jobs.Progress, id);
        var import = scope.ServiceProvider.GetRequiredService<ExchangeImport>();
        var summary = File.Exists(path)
            ? await import.ImportAsync(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536), source, dryRun: !save, progress, cancellationToken)
            : new ImportSummary(0, 0, 0, [new ImportError(0, "*", "berkas unggahan tidak ditemukan lagi di server; unggah ulang.")]);

        db.ChangeTracker.Clear();
        await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, summary.Committed ? ImportJobState.Saved : ImportJobState.Checked)
            .SetProperty(j => j.Added, summary.Added)
            .SetProperty(j => j.Updated, summary.Updated)
            .SetProperty(j => j.Unchanged, summary.Unchanged)
            .SetProperty(j => j.ErrorCount, summary.ErrorCount)
            .SetProperty(j => j.InvalidRows, summary.Invalid)
            .SetProperty(j => j.Errors, summary.Errors.Count == 0 ? null : JsonSerializer.Serialize(summary.Errors, ImportJobs.JsonOptions))
            .SetProperty(j => j.Unresolved, summary.Unresolved.Count == 0 ? null : JsonSerializer.Serialize(summary.Unresolved, ImportJobs.JsonOptions))
            .SetProperty(j => j.UpdatedAt, clock.GetUtcNow()), CancellationToken.None);

        if (summary.Committed && summary.Touched.Count > 0)
        {
            await ProposeDuplicatesAsync(scope.ServiceProvider, id, summary.Touched, cancellationToken);
        }
    }

    // Saved: the search for likely duplicates of what the file added or changed follows, with its own progress. Its
    // failure leaves the job saved (the count stays empty; find-duplicates can run it again).
    private async Task ProposeDuplicatesAsync(IServiceProvider services, int id, IReadOnlyList<int> touched, CancellationToken cancellationToken)
    {
        try
        {
            var total = touched.Count;
            var board = new Progress(jobs.Progress, id);
            var proposed = await services.GetRequiredService<Duplicates.DuplicateFinder>().ProposeAsync(
                touched, new Relay(done => board.Report(new ImportProgress(ImportStage.Duplicates, done, total))), cancellationToken);
            var db = services.GetRequiredService<JippnasDb>();
            await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.DuplicatesProposed, proposed).SetProperty(j => j.UpdatedAt, clock.GetUtcNow()), CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The file is saved whatever happens here; the job must not be marked failed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "Import job {Id} was saved, but the search for likely duplicates failed.", id);
        }
    }

    private sealed class Relay(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    // Reports straight into the board: System.Progress<T> would post to the thread pool and could land after the job ended.
    private sealed class Progress(ConcurrentDictionary<int, ImportProgress> board, int id) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => board[id] = value;
    }
}
