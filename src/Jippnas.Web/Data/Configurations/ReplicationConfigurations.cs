using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jippnas.Web.Data.Configurations;

internal sealed class ReplicationConfiguration : IEntityTypeConfiguration<Replication>
{
    public void Configure(EntityTypeBuilder<Replication> builder)
    {
        builder.ToTable("replications");
        builder.Property(r => r.RegencyCode).HasMaxLength(13);
        builder.Property(r => r.AdaptationNote).HasMaxLength(Replication.MaxText);
        builder.Property(r => r.StageNote).HasMaxLength(Replication.MaxText);
        builder.Property(r => r.RegulationNumber).HasMaxLength(Replication.MaxRegulation);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Origin).WithMany().HasForeignKey(r => r.OriginId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Replica).WithMany().HasForeignKey(r => r.ReplicaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.RegencyCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Hub>().WithMany().HasForeignKey(r => r.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(r => r.MentorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(r => r.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Need>().WithMany().HasForeignKey(r => r.NeedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Replication>().WithMany().HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Dates).WithOne().HasForeignKey(d => d.ReplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.OriginId, r.Stage });
        builder.HasIndex(r => r.ReplicaId).IsUnique();
        builder.HasIndex(r => new { r.AgencyId, r.OriginId });
        builder.HasIndex(r => new { r.HubId, r.Stage });
        builder.HasIndex(r => r.RegencyCode);
        builder.HasIndex(r => r.MentorId);
        builder.HasIndex(r => r.CreatedBy);
        builder.HasIndex(r => r.NeedId);
        builder.HasIndex(r => r.ParentId);
    }
}

internal sealed class ReplicationStageDateConfiguration : IEntityTypeConfiguration<ReplicationStageDate>
{
    public void Configure(EntityTypeBuilder<ReplicationStageDate> builder)
    {
        builder.ToTable("replication_stages");
        builder.Property(d => d.Note).HasMaxLength(ReplicationStageDate.MaxNote);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(d => d.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.ReplicationId, d.Stage }).IsUnique();
        builder.HasIndex(d => d.RecordedBy);
    }
}

internal sealed class ReplicationFileConfiguration : IEntityTypeConfiguration<ReplicationFile>
{
    public void Configure(EntityTypeBuilder<ReplicationFile> builder)
    {
        builder.ToTable("replication_files");
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.MediaType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.Description).HasMaxLength(ReplicationFile.MaxDescription);
        builder.HasOne<Replication>().WithMany().HasForeignKey(f => f.ReplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(f => f.UploadedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.ReplicationId, f.Stage });
        builder.HasIndex(f => f.UploadedBy);
    }
}

internal sealed class ShortlistEntryConfiguration : IEntityTypeConfiguration<ShortlistEntry>
{
    public void Configure(EntityTypeBuilder<ShortlistEntry> builder)
    {
        builder.ToTable("replication_shortlist");
        builder.Property(s => s.RegencyCode).HasMaxLength(13);
        builder.Property(s => s.Note).HasMaxLength(ShortlistEntry.MaxNote);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.RegencyCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Need>().WithMany().HasForeignKey(s => s.NeedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Innovation>().WithMany().HasForeignKey(s => s.InnovationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(s => s.AddedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.RegencyCode, s.InnovationId }).IsUnique();
        builder.HasIndex(s => s.NeedId);
        builder.HasIndex(s => s.InnovationId);
        builder.HasIndex(s => s.AddedBy);
    }
}

internal sealed class StudyVisitConfiguration : IEntityTypeConfiguration<StudyVisit>
{
    public void Configure(EntityTypeBuilder<StudyVisit> builder)
    {
        builder.ToTable("study_visits");
        builder.Property(v => v.Host).HasMaxLength(StudyVisit.MaxHost);
        builder.Property(v => v.Participants).HasMaxLength(StudyVisit.MaxText);
        builder.Property(v => v.Agenda).HasMaxLength(StudyVisit.MaxText);
        builder.Property(v => v.Findings).HasMaxLength(StudyVisit.MaxText);
        builder.Property(v => v.Cost).HasPrecision(18, 2);
        builder.HasOne<Replication>().WithMany().HasForeignKey(v => v.ReplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(v => v.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => v.ReplicationId);
        builder.HasIndex(v => v.RecordedBy);
    }
}

internal sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> builder)
    {
        builder.ToTable("action_plans");
        builder.Ignore(p => p.Progress);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Replication>().WithMany().HasForeignKey(p => p.ReplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(p => p.UpdatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Comments).WithOne().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.ReplicationId).IsUnique();
        builder.HasIndex(p => p.UpdatedBy);
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("action_items", table => table.HasCheckConstraint("ck_action_items_amount", "amount IS NULL OR amount >= 0"));
        builder.Property(i => i.Activity).HasMaxLength(ActionItem.MaxText);
        builder.Property(i => i.Unit).HasMaxLength(ActionItem.MaxUnit);
        builder.Property(i => i.Output).HasMaxLength(ActionItem.MaxText);
        builder.Property(i => i.Evidence).HasMaxLength(ActionItem.MaxText);
        builder.Property(i => i.Amount).HasPrecision(18, 2);
        builder.HasIndex(i => new { i.PlanId, i.Ordinal });
        builder.HasIndex(i => new { i.Source, i.FiscalYear });
    }
}

internal sealed class ActionPlanCommentConfiguration : IEntityTypeConfiguration<ActionPlanComment>
{
    public void Configure(EntityTypeBuilder<ActionPlanComment> builder)
    {
        builder.ToTable("action_plan_comments");
        builder.Property(c => c.Text).HasMaxLength(ActionPlanComment.MaxText);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.PlanId);
        builder.HasIndex(c => c.AuthorId);
    }
}
