using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Innovations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jippnas.Web.Features.Evidence;

/// <summary>An upload checked and kept in the store: the name it is served under, its type, size and SHA-256.</summary>
public sealed record StoredUpload(string Name, string MediaType, long Size, string Sha256);

/// <summary>A file listed on a record's page.</summary>
public sealed record EvidenceItem(long Id, int InnovationId, string Name, string MediaType, long Size, string? Description, bool IsPublic, DateTimeOffset UploadedAt);

/// <summary>
/// Attaches evidence to an edition and serves it: size checked before anything is kept, type read from the content
/// (<see cref="EvidenceTypes"/>), SHA-256 computed while the upload is copied to a temporary file, the file kept in
/// <see cref="IEvidenceStore"/> and its row written last (nothing half-kept: a row never names a missing file).
/// </summary>
public sealed class EvidenceShelf(JippnasDb db, IEvidenceStore store, IOptions<EvidenceOptions> options, TimeProvider clock)
{
    public long MaxBytes => options.Value.MaxBytes;

    public async Task<(long? Id, string? Error)> AddAsync(int innovationId, IFormFile? upload, string? description, bool isPublic, int userId, CancellationToken cancellationToken)
    {
        description = description?.Trim();
        if (upload is { Length: > 0 } && upload.Length <= MaxBytes && description is { Length: > 300 })
        {
            return (null, "Keterangan: paling panjang 300 karakter.");
        }

        var (stored, error) = await StoreAsync(upload, cancellationToken);
        if (stored is null)
        {
            return (null, error);
        }

        var file = new EvidenceFile
        {
            InnovationId = innovationId,
            Name = stored.Name,
            MediaType = stored.MediaType,
            Size = stored.Size,
            Sha256 = stored.Sha256,
            Description = string.IsNullOrEmpty(description) ? null : description,
            IsPublic = isPublic,
            UploadedBy = userId,
            UploadedAt = clock.GetUtcNow(),
        };
        db.EvidenceFiles.Add(file);
        await db.SaveChangesAsync(cancellationToken);
        return (file.Id, null);
    }

    /// <summary>
    /// Checks an upload (size, then type from its content) and keeps its content in the store under its SHA-256; the
    /// caller writes the row that names it. The refusal is in Indonesian and starts with "Berkas:".
    /// </summary>
    public async Task<(StoredUpload? File, string? Error)> StoreAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0)
        {
            return (null, "Berkas: pilih berkas yang akan diunggah.");
        }

        if (upload.Length > MaxBytes)
        {
            return (null, string.Create(CultureInfo.GetCultureInfo("id-ID"), $"Berkas: paling besar {MaxBytes / 1024d / 1024:N0} MB (berkas ini {upload.Length / 1024d / 1024:N1} MB)."));
        }

        await using var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var source = upload.OpenReadStream())
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                if (copy.Length > MaxBytes)
                {
                    return (null, "Berkas: lebih besar dari yang diizinkan.");
                }
            }
        }

        var (type, refusal) = EvidenceTypes.Detect(copy);
        if (type is null)
        {
            return (null, "Berkas: " + refusal);
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        await store.SaveAsync(sha256, copy, cancellationToken);
        return (new StoredUpload(SafeName(upload.FileName, type), type.MediaType, copy.Length, sha256), null);
    }

    public async Task<bool> RemoveAsync(int innovationId, long fileId, CancellationToken cancellationToken)
    {
        if (await db.EvidenceFiles.AsTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.InnovationId == innovationId, cancellationToken) is not { } file)
        {
            return false;
        }

        // The stored content stays: another row may name the same SHA-256, and the audit log keeps what was removed.
        db.EvidenceFiles.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<List<EvidenceItem>> ListAsync(IReadOnlyCollection<int> innovationIds, bool publicOnly, CancellationToken cancellationToken) =>
        db.EvidenceFiles.Where(f => innovationIds.Contains(f.InnovationId) && (!publicOnly || f.IsPublic)).OrderBy(f => f.Id)
            .Select(f => new EvidenceItem(f.Id, f.InnovationId, f.Name, f.MediaType, f.Size, f.Description, f.IsPublic, f.UploadedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Moves a published revision's files to the record it replaced (same transaction as the publication).</summary>
    public async Task MoveAsync(int fromEdition, int toRecord, CancellationToken cancellationToken)
    {
        foreach (var file in await db.EvidenceFiles.AsTracking().Where(f => f.InnovationId == fromEdition).ToListAsync(cancellationToken))
        {
            file.InnovationId = toRecord;
        }
    }

    // The name a person gave it, without a path or odd characters, ending in the extension of what it is.
    private static string SafeName(string? given, EvidenceType type)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(given ?? "")) ?? "";
        var clean = new StringBuilder();
        foreach (var c in stem.Normalize(NormalizationForm.FormC))
        {
            clean.Append(char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '(' or ')' ? c : '_');
        }

        var name = clean.ToString().Trim(' ', '.');
        return (name.Length == 0 ? "dokumen" : name.Length > 150 ? name[..150] : name) + type.Extension;
    }
}

/// <summary>Serving a stored document from a page that has already decided the person may see it.</summary>
public static class PrivateDocuments
{
    /// <summary>The document with <paramref name="sha256"/> as a download never kept by shared caches and never run as a page; 404 when the content is missing.</summary>
    public static IActionResult Serve(this Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, IEvidenceStore store, string sha256, string mediaType, string name)
    {
        if (store.Open(sha256) is not { } content)
        {
            return page.NotFound();
        }

        page.Response.Headers.CacheControl = "private, no-store";
        page.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return page.File(content, mediaType, name);
    }
}

/// <summary>The downloads of evidence files (an innovation's, with the checks of who may see it; a hub agreement's signed document).</summary>
public static class EvidenceDownloads
{
    public static WebApplication MapEvidenceDownloads(this WebApplication app)
    {
        app.MapGet("/inovasi/{id:int}/berkas/{fileId:long}", async (int id, long fileId, HttpContext context, JippnasDb db, IEvidenceStore store, IAuthorizationService authorization, CancellationToken cancellationToken) =>
        {
            var found = await db.EvidenceFiles.Where(f => f.Id == fileId && f.InnovationId == id)
                .Join(db.Innovations, f => f.InnovationId, i => i.Id, (f, i) => new { File = f, i.IsPublished, i.EditorialState, i.AgencyId, i.ProvinceCode, i.RegencyCode })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return Results.NotFound();
            }

            var open = found.File.IsPublic && found.IsPublished && found.EditorialState == EditorialState.Published;
            if (!open)
            {
                var place = new ScopePlace(found.AgencyId, found.ProvinceCode, found.RegencyCode);
                var allowed = (await authorization.AuthorizeAsync(context.User, place, InnovationPermissions.Edit)).Succeeded
                    || (await authorization.AuthorizeAsync(context.User, place, InnovationPermissions.Review)).Succeeded;
                if (!allowed)
                {
                    // The public is not told that a private file exists.
                    return context.User.Identity?.IsAuthenticated == true ? Results.Forbid() : Results.NotFound();
                }
            }

            if (store.Open(found.File.Sha256) is not { } content)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = open ? "public, max-age=3600" : "private, no-store";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            return Results.File(content, found.File.MediaType, found.File.Name, enableRangeProcessing: true);
        }).ExcludeFromDescription();

        // A hub's signed agreement: public, as the agreement is on the hub's public page (a designated hub only).
        app.MapGet("/hub/{id:int}/kerja-sama/{agreementId:int}/berkas", async (int id, int agreementId, HttpContext context, JippnasDb db, IEvidenceStore store, CancellationToken cancellationToken) =>
        {
            var found = await db.Agreements.Where(a => a.Id == agreementId && a.HubId == id && a.FileSha256 != null && db.HubDesignations.Any(d => d.HubId == id))
                .Select(a => new { a.FileName, a.FileType, a.FileSha256 }).FirstOrDefaultAsync(cancellationToken);
            if (found is null || store.Open(found.FileSha256!) is not { } content)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=3600";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            return Results.File(content, found.FileType, found.FileName, enableRangeProcessing: true);
        }).ExcludeFromDescription();
        return app;
    }
}
