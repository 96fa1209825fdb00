using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;

namespace Jippnas.Web.Features.Maturity;

/// <summary>The self-assessment's states as people read them, in the current language.</summary>
public static class MaturityNames
{
    /// <summary>The state of an assessment; null is one the hub has not begun.</summary>
    public static string State(MaturityState? state, Texts t) => state switch
    {
        null => t["Belum dimulai"],
        MaturityState.Draft => t["Draf"],
        MaturityState.Submitted => t["Menunggu verifikasi"],
        MaturityState.Returned => t["Dikembalikan ke hub"],
        MaturityState.Verified => t["Terverifikasi"],
        _ => t["Tidak dikenal"],
    };
}
