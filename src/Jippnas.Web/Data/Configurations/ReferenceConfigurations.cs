using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jippnas.Web.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("regions");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(13);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.ParentCode).HasMaxLength(13);
        builder.HasOne(r => r.Parent).WithMany().HasForeignKey(r => r.ParentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ParentCode, r.Name });
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("agencies");
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.Acronym).HasMaxLength(50);
        builder.Property(a => a.RegionCode).HasMaxLength(13);
        builder.HasOne(a => a.Region).WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.RegionCode, a.Name });
        builder.HasIndex(a => a.ParentId);
    }
}

internal abstract class ClassificationConfiguration<T>(string table) : IEntityTypeConfiguration<T>
    where T : Classification
{
    public virtual void Configure(EntityTypeBuilder<T> builder)
    {
        builder.ToTable(table);
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.Property(c => c.NameId).HasMaxLength(200);
        builder.Property(c => c.NameEn).HasMaxLength(200);
        builder.HasIndex(c => c.Code).IsUnique();
    }
}

internal sealed class SectorConfiguration() : ClassificationConfiguration<Sector>("sectors");

internal sealed class SdgConfiguration() : ClassificationConfiguration<Sdg>("sdgs");

internal sealed class AwardKindConfiguration() : ClassificationConfiguration<AwardKind>("award_kinds");

internal sealed class SourceSystemConfiguration() : ClassificationConfiguration<SourceSystem>("source_systems");

internal sealed class CompetitionCategoryConfiguration() : ClassificationConfiguration<CompetitionCategory>("competition_categories");

internal sealed class TallyConfiguration : IEntityTypeConfiguration<Tally>
{
    public void Configure(EntityTypeBuilder<Tally> builder)
    {
        builder.ToTable("tallies");
        builder.HasKey(t => new { t.Dimension, t.Key });
        builder.Property(t => t.Dimension).HasMaxLength(20);
        builder.Property(t => t.Key).HasMaxLength(40);
    }
}

internal sealed class HubConfiguration : IEntityTypeConfiguration<Hub>
{
    public void Configure(EntityTypeBuilder<Hub> builder)
    {
        builder.ToTable("hubs");
        builder.Property(h => h.Name).HasMaxLength(300);
        builder.Property(h => h.ProvinceCode).HasMaxLength(13);
        builder.HasOne(h => h.Province).WithMany().HasForeignKey(h => h.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(h => h.Agency).WithMany().HasForeignKey(h => h.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => h.ProvinceCode).IsUnique();
        builder.HasMany(h => h.Designations).WithOne().HasForeignKey(d => d.HubId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HubDesignationConfiguration : IEntityTypeConfiguration<HubDesignation>
{
    public void Configure(EntityTypeBuilder<HubDesignation> builder)
    {
        builder.ToTable("hub_designations");
        builder.Property(d => d.DecreeNumber).HasMaxLength(100);
        builder.Property(d => d.DecreeTitle).HasMaxLength(300);
        builder.Property(d => d.SourceNote).HasMaxLength(500);
        builder.Property(d => d.EndNote).HasMaxLength(HubDesignation.MaxNote);
        builder.HasOne<Jippnas.Web.Features.Accounts.AccountUser>().WithMany().HasForeignKey(d => d.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<HubAssessment>().WithMany().HasForeignKey(d => d.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.AssessmentId).IsUnique();
        builder.HasIndex(d => new { d.HubId, d.Year });
    }
}
