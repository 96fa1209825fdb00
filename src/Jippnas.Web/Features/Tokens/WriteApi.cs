using System.Globalization;
using System.Text.Json;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Editorial;
using Jippnas.Web.Features.Imports;
using Jippnas.Web.Features.Innovations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Tokens;

/// <summary>
/// The write API for machines, with personal access tokens only (never the sign-in cookie, so no other site can
/// make a signed-in browser write): drafts of innovations created, saved (with the version they were read at; 409
/// with the differences when stale) and submitted, exactly as the operator's form does; imports of a source's file
/// started (checked in the background, saved from the import page). Errors are RFC 9457 problem details naming
/// the field.
/// </summary>
public static class WriteApi
{
    public static WebApplication MapWriteApi(this WebApplication app)
    {
        var drafts = app.MapGroup("/api/v1/innovations").WithTags("Write API (token)");
        drafts.MapPost("/", CreateAsync).RequireAuthorization(Policy(InnovationPermissions.Edit));
        drafts.MapPut("/{id:int}", SaveAsync).RequireAuthorization(Policy(InnovationPermissions.Edit));
        drafts.MapPost("/{id:int}/submit", SubmitAsync).RequireAuthorization(Policy(InnovationPermissions.Edit));
        app.MapPost("/api/v1/imports", ImportAsync).WithTags("Write API (token)").RequireAuthorization(Policy(ImportPermissions.Run)).DisableAntiforgery();
        return app;
    }

    private static AuthorizationPolicy Policy(string permission) =>
        new AuthorizationPolicyBuilder(TokenAuthentication.SchemeName).RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(PermissionCatalog.All.First(p => p.Name == permission))).Build();

    private static async Task<IResult> CreateAsync(HttpContext context, JippnasDb db, CurrentAccess access, EditorialDesk desk, CancellationToken cancellationToken)
    {
        if (await FieldsAsync(context) is not { } fields)
        {
            return BadBody();
        }

        var (view, scope) = await ScopeAsync(db, access, context);
        var outcome = await desk.CreateAsync(fields, scope, view.UserId, cancellationToken);
        return outcome.Succeeded
            ? Results.Created($"/api/v1/innovations/{outcome.Id}", await StateAsync(db, outcome.Id!.Value, cancellationToken))
            : Problem(outcome);
    }

    private static async Task<IResult> SaveAsync(int id, int? version, HttpContext context, JippnasDb db, CurrentAccess access, IAuthorizationService authorization, EditorialDesk desk, CancellationToken cancellationToken)
    {
        if (await PlaceAsync(db, id, cancellationToken) is not { } place)
        {
            return Results.Problem(statusCode: 404, detail: $"Tidak ada data inovasi nomor {id}.");
        }

        if (!(await authorization.AuthorizeAsync(context.User, place, InnovationPermissions.Edit)).Succeeded)
        {
            return Results.Problem(statusCode: 403, detail: "Token ini tidak mencakup instansi data inovasi tersebut.");
        }

        if (version is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["Parameter 'version' wajib: versi data yang Anda baca (lihat jawaban pembuatan atau penyimpanan sebelumnya)."] });
        }

        if (await FieldsAsync(context) is not { } fields)
        {
            return BadBody();
        }

        var (view, scope) = await ScopeAsync(db, access, context);
        var outcome = await desk.SaveAsync(id, fields, version.Value, scope, view.UserId, cancellationToken);
        return outcome.Succeeded ? Results.Ok(await StateAsync(db, id, cancellationToken)) : Problem(outcome);
    }

    private static async Task<IResult> SubmitAsync(int id, int? version, HttpContext context, JippnasDb db, CurrentAccess access, IAuthorizationService authorization, EditorialDesk desk, CancellationToken cancellationToken)
    {
        if (await PlaceAsync(db, id, cancellationToken) is not { } place)
        {
            return Results.Problem(statusCode: 404, detail: $"Tidak ada data inovasi nomor {id}.");
        }

        if (!(await authorization.AuthorizeAsync(context.User, place, InnovationPermissions.Edit)).Succeeded)
        {
            return Results.Problem(statusCode: 403, detail: "Token ini tidak mencakup instansi data inovasi tersebut.");
        }

        if (version is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["Parameter 'version' wajib: versi data yang Anda baca."] });
        }

        var (view, scope) = await ScopeAsync(db, access, context);
        var outcome = await desk.ActAsync(id, EditorialAction.Submit, null, version.Value, scope, view.UserId, cancellationToken);
        return outcome.Succeeded ? Results.Ok(await StateAsync(db, id, cancellationToken)) : Problem(outcome);
    }

    private static async Task<IResult> ImportAsync(string? source, string? name, HttpContext context, JippnasDb db, ImportJobs jobs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var mapped = db.ImportColumns.Select(c => c.SourceSystemId);
        var sourceId = await db.SourceSystems.Where(s => s.Code == (source ?? "") && mapped.Contains(s.Id)).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (sourceId is null)
        {
            errors["source"] = ["Parameter 'source' wajib: kode sumber yang punya pemetaan kolom, mis. KIPP, IGA, LAN, PROVINSI, JIPPNAS."];
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            errors["name"] = ["Parameter 'name' wajib: nama berkasnya, dengan ekstensi (.csv, .xlsx, .jsonl)."];
        }

        if (context.Request.ContentLength is null or 0)
        {
            errors["body"] = ["Kirim isi berkas sebagai badan permintaan."];
        }
        else if (context.Request.ContentLength > ImportJobs.MaxUploadBytes)
        {
            errors["body"] = [string.Create(CultureInfo.InvariantCulture, $"Berkas lebih dari {ImportJobs.MaxUploadBytes / 1024 / 1024} MB: impor lewat baris perintah.")];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var job = await jobs.CreateAsync(db, sourceId!.Value, name!, context.Request.Body, context.User.Identity?.Name, clock.GetUtcNow(), cancellationToken);
        return Results.Accepted($"/admin/impor/{job.Id}", new { id = job.Id, page = $"/admin/impor/{job.Id}" });
    }

    private static async Task<(AccessView View, EditorialScope Scope)> ScopeAsync(JippnasDb db, CurrentAccess access, HttpContext context)
    {
        var view = (await access.GetAsync(context.User, context.RequestAborted))!;
        return (view, await EditorialScope.OfAsync(db, view, InnovationPermissions.All.First(p => p.Name == InnovationPermissions.Edit), context.RequestAborted));
    }

    // The body: a JSON object of field → text, number or null.
    private static async Task<Dictionary<string, string?>?> FieldsAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True => "ya",
                    JsonValueKind.False => "tidak",
                    _ => null,
                };
            }

            var unknown = fields.Keys.Where(k => EditionFields.All.All(f => f.Key != k)).ToList();
            return unknown.Count > 0 ? null : fields;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult BadBody() => Results.ValidationProblem(new Dictionary<string, string[]>
    {
        ["body"] = [$"Kirim objek JSON dengan kolom: {string.Join(", ", EditionFields.All.Select(f => f.Key))}."],
    });

    private static IResult Problem(EditorialOutcome outcome)
    {
        if (outcome.Conflict is { } conflict)
        {
            return Results.Problem(statusCode: 409, detail: outcome.Errors[0].Message, extensions: new Dictionary<string, object?>
            {
                ["savedBy"] = conflict.By,
                ["savedAt"] = conflict.At,
                ["differences"] = conflict.Differences.Select(d => new { field = d.Field, stored = d.Old, yours = d.New }).ToList(),
            });
        }

        return Results.ValidationProblem(outcome.Errors.GroupBy(e => e.Key.Length == 0 ? "record" : e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
    }

    private static Task<ScopePlace?> PlaceAsync(JippnasDb db, int id, CancellationToken cancellationToken) =>
        db.Innovations.Where(i => i.Id == id && (i.EditorialState != EditorialState.Published || i.IsPublished))
            .Select(i => (ScopePlace?)new ScopePlace(i.AgencyId, i.ProvinceCode, i.RegencyCode)).FirstOrDefaultAsync(cancellationToken);

    private static async Task<object> StateAsync(JippnasDb db, int id, CancellationToken cancellationToken)
    {
        var row = await db.Innovations.Where(i => i.Id == id).Select(i => new { i.Id, i.Version, i.EditorialState }).FirstAsync(cancellationToken);
        return new { id = row.Id, version = row.Version, state = EditorialWorkflow.Name(row.EditorialState) };
    }
}
