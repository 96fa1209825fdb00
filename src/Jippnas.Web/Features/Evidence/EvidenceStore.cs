using Microsoft.Extensions.Options;

namespace Jippnas.Web.Features.Evidence;

/// <summary>Settings of evidence files (<c>Jippnas:Evidence</c>).</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Jippnas:Evidence";

    /// <summary>The folder the files are kept in: one folder every instance of the portal shares.</summary>
    public string Folder { get; set; } = "App_Data/evidence";

    /// <summary>The largest file accepted.</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;
}

/// <summary>Where evidence files live, by their SHA-256: a folder by default, another store (object storage) by implementing this.</summary>
public interface IEvidenceStore
{
    /// <summary>Keeps <paramref name="content"/> under <paramref name="sha256"/> (a file already kept is not written again).</summary>
    Task SaveAsync(string sha256, Stream content, CancellationToken cancellationToken);

    /// <summary>The content kept under <paramref name="sha256"/>, or null.</summary>
    Stream? Open(string sha256);
}

/// <summary>A folder shared by every instance: <c>ab/cd/abcd…</c> by SHA-256, written to a temporary name and moved into place.</summary>
public sealed class FolderEvidenceStore(IOptions<EvidenceOptions> options, IHostEnvironment environment) : IEvidenceStore
{
    private string Root => Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);

    public async Task SaveAsync(string sha256, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            content.Position = 0;
            await content.CopyToAsync(file, cancellationToken);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance kept the same file at the same moment.
            File.Delete(temporary);
        }
    }

    public Stream? Open(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null;
    }

    private string PathOf(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(Root, sha256[..2], sha256[2..4], sha256)
            : throw new ArgumentException("Not a SHA-256 in lower-case hex.", nameof(sha256));
}
