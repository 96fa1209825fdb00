using System.Diagnostics;
using System.Text;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.IntegrationTests;

/// <summary>
/// The import command killed while it saves (SIGKILL, no chance to clean up) leaves nothing of the file in the
/// database; the same command run again saves all of it.
/// </summary>
public abstract class ImportCrashTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Rows = 3_000;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "jippnas-crash-" + Guid.NewGuid().ToString("N"));
    private TestDatabase? database;

    public async Task InitializeAsync()
    {
        if (provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null)
        {
            return;
        }

        database = await TestDatabase.CreateAsync(provider);
        Directory.CreateDirectory(folder);
    }

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_killed_import_saves_nothing_and_running_it_again_saves_everything()
    {
        TestDatabase.SkipUnlessAvailable(provider);
        var file = Path.Combine(folder, "besar.csv");
        var csv = new StringBuilder("source,source_id,name,province,year,summary\n");
        for (var i = 0; i < Rows; i++)
        {
            csv.Append("KIPP,CRASH-").Append(i).Append(",Layanan Uji ").Append(i).Append(",35,2020,Warga dilayani petugas di desa nomor ").Append(i).Append(" tanpa antre.\n");
        }

        await File.WriteAllTextAsync(file, csv.ToString());

        using (var import = Start(file))
        {
            // Wait until the second pass has written at least one chunk inside its transaction, then kill.
            var saving = await WaitForAsync(import, "Saved ", TimeSpan.FromMinutes(2));
            saving.ShouldBeTrue("the import never reached its saving pass");
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();
        }

        (await CountAsync()).ShouldBe(0);

        using (var again = Start(file))
        {
            await again.WaitForExitAsync();
            again.ExitCode.ShouldBe(0, await again.StandardError.ReadToEndAsync());
        }

        (await CountAsync()).ShouldBe(Rows);
    }

    private Process Start(string file)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["Jippnas.Web.dll", "import", file, "--source", "JIPPNAS", $"--Database:Provider={provider}", $"--ConnectionStrings:Jippnas={database!.ConnectionString}", "--Logging:LogLevel:Default=Warning"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    // Reads standard error (progress is written there with carriage returns) until the text shows up or the process ends.
    private static async Task<bool> WaitForAsync(Process process, string text, TimeSpan limit)
    {
        var seen = new StringBuilder();
        var buffer = new char[4096];
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            while (!timeout.IsCancellationRequested)
            {
                var read = await process.StandardError.ReadAsync(buffer.AsMemory(), timeout.Token);
                if (read == 0)
                {
                    return false;
                }

                seen.Append(buffer, 0, read);
                if (seen.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return false;
    }

    private async Task<int> CountAsync()
    {
        var options = new DbContextOptionsBuilder<JippnasDb>();
        DatabaseSetup.Configure(options, provider, database!.ConnectionString);
        await using var db = new JippnasDb(options.Options);
        return await db.SourceRecords.CountAsync(s => s.ExternalId.StartsWith("CRASH-"));
    }
}

public sealed class SqliteImportCrashTests() : ImportCrashTests(DatabaseProvider.Sqlite);

public sealed class PostgresImportCrashTests() : ImportCrashTests(DatabaseProvider.PostgreSql);
