using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;

namespace Jippnas.Web.Features.Mentoring;

/// <summary>Mentoring's permission (docs/design/hubs.md); what a mentor may touch is narrowed again by their assignments.</summary>
public static class MentoringPermissions
{
    /// <summary>Record mentoring sessions and the needs found, inside one's own live assignments.</summary>
    public const string Record = "mentoring.record";

    internal static readonly PermissionRule[] All = [new(Record, "Mencatat sesi pendampingan dan kebutuhan inovasi", AccountRole.Mentor)];
}
