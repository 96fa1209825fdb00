using Jippnas.Bench.Search;
using Jippnas.Web.Data;
using Jippnas.Web.Features.Search;

// Search speed benchmark (bench/search/README.md):
//   query          p50/p95 of SearchService.SearchAsync per query class and filter, beside the bare full-text query
//   native-build   the engine's own bulk full-text build over the raw text columns, timed, then dropped
// Settings go as --Key=Value arguments, as for the portal: --Database:Provider=PostgreSql
// --ConnectionStrings:Jippnas=... and the Bench:* knobs of BenchOptions.
var mode = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "query";
if (mode is not ("query" or "native-build"))
{
    await Console.Error.WriteLineAsync("usage: Jippnas.Bench.Search [query|native-build] [--Key=Value ...]");
    return 2;
}

// Warnings only by default; later arguments override these.
string[] settings = ["--Logging:LogLevel:Default=Warning", .. args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))];
var builder = Host.CreateApplicationBuilder(settings);
builder.Services.AddJippnasDatabase(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSearch(builder.Configuration);
var options = builder.Configuration.GetSection("Bench").Get<BenchOptions>() ?? new BenchOptions();
using var host = builder.Build();

var output = new Report(options.Out);
try
{
    return mode == "query"
        ? await QueryBench.RunAsync(host.Services, options, output)
        : await NativeBuild.RunAsync(host.Services, options, output);
}
finally
{
    output.Dispose();
}
