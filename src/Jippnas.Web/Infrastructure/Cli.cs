using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Features.Innovations;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Infrastructure;

/// <summary>
/// Commands run through the same configuration as the portal:
/// <c>dotnet run --project src/Jippnas.Web -- synthetic 100000</c> adds N synthetic innovations;
/// <c>-- migrate</c> applies migrations and reference data and exits; <c>-- rebuild-tallies</c> recounts the tallies;
/// <c>-- schema-script</c> prints the schema EF derives from the model (the start of a new migration).
/// </summary>
internal static class Cli
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }

        var command = args[0];
        if (command is not ("synthetic" or "migrate" or "schema-script" or "rebuild-tallies"))
        {
            await Console.Error.WriteLineAsync($"Unknown command '{command}'. Commands: synthetic <count> [--seed n], migrate, rebuild-tallies, schema-script.");
            Environment.ExitCode = 2;
            return true;
        }

        var builder = Host.CreateApplicationBuilder([.. args.Skip(1).Where(a => a.Contains('=', StringComparison.Ordinal))]);
        builder.Services.AddJippnasDatabase(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<SyntheticInnovations>();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;

        if (command == "schema-script")
        {
            Console.WriteLine(services.GetRequiredService<JippnasDb>().Database.GenerateCreateScript());
            return true;
        }

        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(
            CancellationToken.None, cancellationToken => services.GetRequiredService<ReferenceDataLoader>().LoadAsync(cancellationToken));
        if (command == "rebuild-tallies")
        {
            await services.GetRequiredService<JippnasDb>().RebuildTalliesAsync(CancellationToken.None);
            Console.WriteLine("Tallies rebuilt.");
        }

        if (command == "synthetic")
        {
            if (args.Length < 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 5_000_000)
            {
                await Console.Error.WriteLineAsync("synthetic: give the number of innovations to add, from 1 to 5000000 (e.g. 'synthetic 100000').");
                Environment.ExitCode = 2;
                return true;
            }

            var seedAt = Array.IndexOf(args, "--seed");
            var seed = 20201103;
            if (seedAt > 0 && (seedAt + 1 >= args.Length || !int.TryParse(args[seedAt + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed)))
            {
                await Console.Error.WriteLineAsync("synthetic: --seed takes a whole number (e.g. '--seed 7').");
                Environment.ExitCode = 2;
                return true;
            }

            var generator = services.GetRequiredService<SyntheticInnovations>();
            await generator.AddAsync(count, seed, new Progress<int>(done => Console.Error.Write($"\r{done:N0} / {count:N0}")), CancellationToken.None);
            Console.Error.WriteLine();
            Console.WriteLine($"Added {count} synthetic innovations.");
        }

        return true;
    }
}
