using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jippnas.Web.Features.Shared;

/// <summary>The page for 404s, 400s and unexpected errors; never reveals details of the failure.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(Texts t) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        // Reached directly (not re-executed) the page answers with the code it shows, but never a 2xx lie.
        var reexecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        var status = code is >= 400 and <= 599 ? code : 404;
        if (!reexecuted || Response.StatusCode < 400)
        {
            Response.StatusCode = status;
        }

        (Title, Message) = status switch
        {
            404 => (t["Halaman tidak ditemukan"], t["Alamat yang Anda buka tidak ada atau datanya sudah tidak tersedia."]),
            400 => (t["Permintaan tidak valid"], t["Periksa kembali alamat atau isian Anda."]),
            403 => (t["Akses ditolak"], t["Akun Anda tidak memiliki peran yang mencakup halaman atau data ini."]),
            413 => (t["Berkas terlalu besar"], t["Kiriman Anda melebihi batas ukuran. Perkecil berkasnya, lalu coba lagi."]),
            429 => (t["Terlalu banyak permintaan"], t["Tunggu sebentar, lalu coba lagi."]),
            >= 500 => (t["Terjadi kesalahan"], t["Maaf, terjadi kesalahan di server. Silakan coba lagi nanti."]),
            _ => (t["Permintaan tidak dapat dilayani"], t["Periksa kembali alamat atau isian Anda."]),
        };
        return Page();
    }
}
