using Jippnas.Web.Data;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Agencies;
using Jippnas.Web.Features.Duplicates;
using Jippnas.Web.Features.Evidence;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Imports;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Regions;
using Jippnas.Web.Features.Replication;
using Jippnas.Web.Features.Search;
using Jippnas.Web.Features.Tokens;
using Jippnas.Web.Features.Shared;
using Jippnas.Web.Infrastructure;

if (await Cli.TryRunAsync(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddJippnasDatabase(builder.Configuration, builder.Environment);
builder.Services.AddJippnasWeb(builder.Configuration);
builder.Services.AddJippnasApi();
builder.Services.AddAccounts(builder.Configuration, builder.Environment);
builder.Services.AddReferenceCatalog();
builder.Services.AddInnovations();
builder.Services.AddSearch(builder.Configuration);
builder.Services.AddImports();
builder.Services.AddDuplicates();
builder.Services.AddHubProgramme();
builder.Services.AddReplication();
builder.Services.AddImportJobs(builder.Configuration);

var app = builder.Build();

app.UseJippnasWeb();

app.MapInnovationsApi();
app.MapInnovationsExport();
app.MapSearchApi();
app.MapSearchExport();
app.MapExchangeExport();
app.MapRegionsApi();
app.MapAgenciesApi();
app.MapHubsApi();
app.MapEvidenceDownloads();
app.MapWriteApi();
app.MapJippnasPlatform();

await app.RunAsync();

/// <summary>Entry point, public so integration tests can host the app.</summary>
public partial class Program;
