using System.Globalization;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Jippnas.Web.Infrastructure;

public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("id-ID"), new("en-GB")];

    public static IServiceCollection AddJippnasWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Texts>();
        services.AddRazorPages(options => options.RootDirectory = "/Features");
        services.AddProblemDetails();
        services.AddOutputCache(options =>
        {
            // Anonymous page views only (the default policy leaves out signed-in requests); exports (?handler=) are
            // streamed and not kept.
            options.AddPolicy(CachePolicies.Home, policy => policy
                .With(context => !context.HttpContext.Request.Query.ContainsKey("handler"))
                .Expire(TimeSpan.FromSeconds(30))
                .SetVaryByQuery("*")
                .VaryByValue(_ => new("ui", CultureInfo.CurrentUICulture.Name)));
        });
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            // Only the visitor's explicit choice counts (?lang= for one page, the cookie for the rest).
            options.RequestCultureProviders = [new CustomRequestCultureProvider(LanguageFromQuery), new CookieRequestCultureProvider()];
        });
        services.Configure<BenchmarkOptions>(configuration.GetSection("Jippnas:Benchmark"));
        services.Configure<PublicSiteOptions>(configuration.GetSection("Jippnas"));
        services.AddReverseProxySupport(configuration);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = context.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retry)
                    ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
                    : "10";
                return ValueTask.CompletedTask;
            };
            // Search and the API: requests per address per minute (0 switches the limit off), 429 with Retry-After beyond.
            var perMinute = configuration.GetValue("Jippnas:RateLimits:PerMinute", 600);
            if (perMinute > 0)
            {
                options.GlobalLimiter = System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsApi(context) || context.Request.Path.StartsWithSegments("/cari")
                        ? System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ =>
                            new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                        : System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("pages"));
            }

            // Exports hold a database connection for their whole download: a few at a time per instance.
            var exports = configuration.GetSection("Jippnas:Exports").Get<ExportLimits>() ?? new ExportLimits();
            options.AddConcurrencyLimiter(RateLimits.Exports, limiter =>
            {
                limiter.PermitLimit = exports.Concurrent;
                limiter.QueueLimit = exports.Queued;
                limiter.QueueProcessingOrder = System.Threading.RateLimiting.QueueProcessingOrder.OldestFirst;
            });
        });
        return services;
    }

    public static WebApplication UseJippnasWeb(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/galat/500");
            pages.UseStatusCodePagesWithReExecute("/galat/{0}");
        });

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use(SecurityHeaders);
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        app.UseRequestLocalization();
        // Routing after the error handlers, so a re-executed request (404 page) is routed again.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();
        return app;
    }

    /// <summary><c>?lang=en</c> or <c>?lang=id</c> shows one page in that language without changing the saved choice.</summary>
    private static Task<ProviderCultureResult?> LanguageFromQuery(HttpContext context)
    {
        var culture = context.Request.Query["lang"].ToString() switch
        {
            "en" or "en-GB" => "en-GB",
            "id" or "id-ID" => "id-ID",
            _ => null,
        };
        return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture));
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers[HeaderNames.ContentSecurityPolicy] = context.Request.Path.StartsWithSegments("/api/docs")
            ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
            : "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        return next();
    }
}

public static class CachePolicies
{
    public const string Home = "home";
}

public static class RateLimits
{
    public const string Exports = "exports";
}

public sealed class ExportLimits
{
    public int Concurrent { get; set; } = 4;
    public int Queued { get; set; } = 8;
}

public sealed class PublicSiteOptions
{
    /// <summary>The address the public knows the portal by (e.g. https://jippnas.go.id), for links in exports.</summary>
    public Uri? PublicBaseUrl { get; set; }
}

public sealed class BenchmarkOptions
{
    /// <summary>Expose /bench/plain and /bench/row/{id}, the ceilings the benchmark compares pages with.</summary>
    public bool Endpoints { get; set; }
}
