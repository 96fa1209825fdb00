using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jippnas.Web.Data.Configurations;

internal sealed class HubAssessmentConfiguration : IEntityTypeConfiguration<HubAssessment>
{
    public void Configure(EntityTypeBuilder<HubAssessment> builder)
    {
        builder.ToTable("hub_assessments");
        builder.Ignore(a => a.Mean);
        builder.Property(a => a.DecisionNote).HasMaxLength(HubAssessment.MaxText);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Hub>().WithMany().HasForeignKey(a => a.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(a => a.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(a => a.DecidedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HubAssessmentScoreConfiguration : IEntityTypeConfiguration<HubAssessmentScore>
{
    public void Configure(EntityTypeBuilder<HubAssessmentScore> builder)
    {
        builder.ToTable("hub_assessment_scores", table => table.HasCheckConstraint("ck_hub_assessment_scores_score", "score BETWEEN 0 AND 100"));
        builder.Property(s => s.Evidence).HasMaxLength(HubAssessment.MaxText);
        builder.Property(s => s.Notes).HasMaxLength(HubAssessment.MaxText);
        builder.HasIndex(s => new { s.AssessmentId, s.Criterion }).IsUnique();
    }
}

internal sealed class HubMilestoneConfiguration : IEntityTypeConfiguration<HubMilestone>
{
    public void Configure(EntityTypeBuilder<HubMilestone> builder)
    {
        builder.ToTable("hub_milestones");
        builder.Property(m => m.Evidence).HasMaxLength(HubMilestone.MaxEvidence);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Hub>().WithMany().HasForeignKey(m => m.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(m => m.UpdatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.HubId, m.Year, m.Kind }).IsUnique();
    }
}
