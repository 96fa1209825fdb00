using System.Net;
using Jippnas.Web.Data;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jippnas.Web.Infrastructure;

/// <summary>Endpoints that are not a feature: health, the language switch, API documents, benchmark ceilings.</summary>
public static class Platform
{
    public static IServiceCollection AddJippnasApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", options => options.AddOperationTransformer(QueryParameters.DescribeAsync).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "JIPPNas Open API";
            document.Info.Version = "v1";
            document.Info.Description =
                "Data terbuka Jaringan Inovasi Pelayanan Publik Nasional: inovasi, wilayah, instansi, dan Hub JIPP. " +
                "Read-only; every list is paged (page, pageSize ≤ 100, regions ≤ 600); errors are RFC 9457 problem details naming the parameter.";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>A path on this site made of printable ASCII only (as links here are), else the home page.</summary>
    internal static string SafeReturnPath(string? path) =>
        path is { Length: > 0 and <= 2000 } && path[0] == '/' && (path.Length == 1 || path[1] is not ('/' or '\\'))
            && path.All(c => c is > ' ' and < (char)127 && c != '\\')
            ? path
            : "/";

    public static WebApplication MapJippnasPlatform(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

        app.MapGet("/bahasa/{code}", (string code, string? kembali, HttpContext context) =>
        {
            var culture = code == "en" ? "en-GB" : "id-ID";
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
            return Results.Redirect(SafeReturnPath(kembali));
        }).ExcludeFromDescription();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "api/docs";
            options.SwaggerEndpoint("/openapi/v1.json", "JIPPNas v1");
            options.DocumentTitle = "JIPPNas Open API";
        });

        if (app.Services.GetRequiredService<IOptions<BenchmarkOptions>>().Value.Endpoints)
        {
            app.MapGet("/bench/plain", () => Results.Text("JIPPNas")).ExcludeFromDescription();
            app.MapGet("/bench/row/{id:int}", async (int id, JippnasDb db, CancellationToken cancellationToken) =>
            {
                var name = await db.Innovations.Where(i => i.Id == id && i.IsPublished).Select(i => i.Name).FirstOrDefaultAsync(cancellationToken);
                return name is null
                    ? Results.NotFound()
                    : Results.Content($"<!doctype html><title>{WebUtility.HtmlEncode(name)}</title><h1>{WebUtility.HtmlEncode(name)}</h1>", "text/html; charset=utf-8");
            }).ExcludeFromDescription();

            // Matching one need, without the page around it (it needs a signed-in mentor): the replication benchmark.
            app.MapGet("/bench/match", async (string? masalah, string? wilayah, Features.Replication.MatchingService matching, CancellationToken cancellationToken) =>
                string.IsNullOrWhiteSpace(masalah) || wilayah is null || !(Domain.Region.IsRegencyCode(wilayah) || Domain.Region.IsProvinceCode(wilayah))
                    ? Results.BadRequest("masalah and wilayah (a province or regency/city code such as 33 or 35.01) are required.")
                    : Results.Json(await matching.SuggestAsync(new Features.Replication.MatchRequest(masalah, null, wilayah), cancellationToken))).ExcludeFromDescription();
        }

        app.MapRazorPages();
        return app;
    }
}
