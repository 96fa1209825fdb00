using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;

namespace Jippnas.Web.Features.Hubs;

/// <summary>The hub programme's states and steps as people read them, in the current language.</summary>
public static class HubNames
{
    public static string Status(HubStatus status, Texts t) => status switch
    {
        HubStatus.Candidate => t["Calon"],
        HubStatus.Active => t["Aktif"],
        HubStatus.Inactive => t["Berakhir"],
        _ => t["Tidak dikenal"],
    };

    public static string Decision(AssessmentDecision decision, Texts t) => decision switch
    {
        AssessmentDecision.Pending => t["Sedang dinilai"],
        AssessmentDecision.Approved => t["Disetujui"],
        AssessmentDecision.Rejected => t["Tidak disetujui"],
        _ => t["Tidak dikenal"],
    };

    public static string Criterion(HubCriterion criterion, Texts t) => t[HubRules.CriterionNames[criterion]];

    public static string Milestone(MilestoneKind kind, Texts t) => t[HubRules.MilestoneNames[kind]];

    public static string MilestoneStatus(MilestoneStatus status, Texts t) => t[HubRules.StatusNames[status]];
}
