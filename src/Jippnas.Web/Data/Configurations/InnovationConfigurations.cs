using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jippnas.Web.Data.Configurations;

internal sealed class InnovationConfiguration : IEntityTypeConfiguration<Innovation>
{
    public void Configure(EntityTypeBuilder<Innovation> builder)
    {
        builder.ToTable("innovations");
        builder.Property(i => i.Name).HasMaxLength(300);
        builder.Property(i => i.Acronym).HasMaxLength(100);
        builder.Property(i => i.UnitName).HasMaxLength(300);
        builder.Property(i => i.ProvinceCode).HasMaxLength(13);
        builder.Property(i => i.RegencyCode).HasMaxLength(13);
        builder.Property(i => i.StatusReason).HasMaxLength(1000);
        builder.Property(i => i.VideoUrl).HasMaxLength(500);
        builder.Property(i => i.ApplicationUrl).HasMaxLength(500);
        builder.Property(i => i.ContactName).HasMaxLength(200);
        builder.Property(i => i.ContactEmail).HasMaxLength(200);
        builder.Property(i => i.ContactPhone).HasMaxLength(50);
        builder.Property(i => i.ProvenanceNote).HasMaxLength(1000);
        builder.Property(i => i.EditorialNote).HasMaxLength(EditorialWorkflow.MaxCommentLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne<Innovation>().WithMany().HasForeignKey(i => i.RevisionOfId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Jippnas.Web.Features.Accounts.AccountUser>().WithMany().HasForeignKey(i => i.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        // The editorial lists: an agency's editions, and the records waiting for a verifier.
        builder.HasIndex(i => new { i.EditorialState, i.ProvinceCode });
        // One revision in progress per published record.
        builder.HasIndex(i => i.RevisionOfId).IsUnique();

        builder.HasOne(i => i.Agency).WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Province).WithMany().HasForeignKey(i => i.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Regency).WithMany().HasForeignKey(i => i.RegencyCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Sector).WithMany().HasForeignKey(i => i.SectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Awards).WithOne().HasForeignKey(a => a.InnovationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Outcomes).WithOne().HasForeignKey(o => o.InnovationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Sdgs).WithOne().HasForeignKey(s => s.InnovationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.SourceRecords).WithOne().HasForeignKey(s => s.InnovationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.StatusChecks).WithOne().HasForeignKey(s => s.InnovationId).OnDelete(DeleteBehavior.Cascade);

        // The list pages filter on one dimension and order newest first; each (dimension, id) index serves one.
        // Combined filters are counted from one narrow covering index (SQLite skip-scans its leading columns),
        // so a count never reads the wide rows.
        builder.HasIndex(i => new { i.IsPublished, i.ProvinceCode, i.SectorId, i.YearStarted, i.Phase, i.Status, i.RegencyCode })
            .HasDatabaseName("IX_Innovations_Filter");
        // The facet values of a search's candidates are read by id from this index alone (no table rows).
        builder.HasIndex(i => new { i.Id, i.IsPublished, i.ProvinceCode, i.RegencyCode, i.SectorId, i.YearStarted, i.Phase, i.Status, i.AwardCount })
            .HasDatabaseName("ix_innovations_facets");
        builder.HasIndex(i => new { i.ProvinceCode, i.Id });
        builder.HasIndex(i => new { i.RegencyCode, i.Id });
        builder.HasIndex(i => new { i.SectorId, i.Id });
        builder.HasIndex(i => new { i.YearStarted, i.Id });
        builder.HasIndex(i => i.AgencyId);
    }
}

internal sealed class InnovationRevisionConfiguration : IEntityTypeConfiguration<InnovationRevision>
{
    public void Configure(EntityTypeBuilder<InnovationRevision> builder)
    {
        builder.ToTable("innovation_revisions");
        builder.Property(r => r.Comment).HasMaxLength(EditorialWorkflow.MaxCommentLength);
        builder.HasOne<Innovation>().WithMany().HasForeignKey(r => r.InnovationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Innovation>().WithMany().HasForeignKey(r => r.EditionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Jippnas.Web.Features.Accounts.AccountUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.InnovationId, r.Number }).IsUnique();
        builder.HasIndex(r => r.EditionId);
        builder.HasIndex(r => r.UserId);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("evidence_files");
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.MediaType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.Description).HasMaxLength(300);
        builder.HasOne<Innovation>().WithMany().HasForeignKey(e => e.InnovationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Jippnas.Web.Features.Accounts.AccountUser>().WithMany().HasForeignKey(e => e.UploadedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.InnovationId);
        builder.HasIndex(e => e.UploadedBy);
    }
}

internal sealed class InnovationSdgConfiguration : IEntityTypeConfiguration<InnovationSdg>
{
    public void Configure(EntityTypeBuilder<InnovationSdg> builder)
    {
        builder.ToTable("innovation_sdgs");
        builder.HasKey(s => new { s.InnovationId, s.SdgId });
        builder.HasOne(s => s.Sdg).WithMany().HasForeignKey(s => s.SdgId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.SdgId);
    }
}

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> builder)
    {
        builder.ToTable("awards");
        builder.Property(a => a.DecreeNumber).HasMaxLength(100);
        builder.Property(a => a.Note).HasMaxLength(500);
        builder.HasOne(a => a.AwardKind).WithMany().HasForeignKey(a => a.AwardKindId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.InnovationId, a.AwardKindId, a.Year }).IsUnique();
        builder.HasIndex(a => a.AwardKindId);
    }
}

internal sealed class OutcomeIndicatorConfiguration : IEntityTypeConfiguration<OutcomeIndicator>
{
    public void Configure(EntityTypeBuilder<OutcomeIndicator> builder)
    {
        builder.ToTable("outcome_indicators");
        builder.Property(o => o.Name).HasMaxLength(300);
        builder.Property(o => o.Unit).HasMaxLength(50);
        builder.Property(o => o.Period).HasMaxLength(100);
        builder.Property(o => o.Before).HasPrecision(18, 4);
        builder.Property(o => o.After).HasPrecision(18, 4);
        builder.HasIndex(o => o.InnovationId);
    }
}

internal sealed class SourceRecordConfiguration : IEntityTypeConfiguration<SourceRecord>
{
    public void Configure(EntityTypeBuilder<SourceRecord> builder)
    {
        builder.ToTable("source_records");
        builder.Property(s => s.ExternalId).HasMaxLength(200);
        builder.Property(s => s.Payload).HasConversion(Payloads.Converter);
        builder.HasOne(s => s.SourceSystem).WithMany().HasForeignKey(s => s.SourceSystemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.SourceSystemId, s.ExternalId }).IsUnique();
        builder.HasIndex(s => s.InnovationId);
    }
}

internal sealed class SourceRecordVersionConfiguration : IEntityTypeConfiguration<SourceRecordVersion>
{
    public void Configure(EntityTypeBuilder<SourceRecordVersion> builder)
    {
        builder.ToTable("source_record_versions");
        builder.Property(v => v.Payload).HasConversion(Payloads.Converter);
        builder.HasOne<SourceRecord>().WithMany().HasForeignKey(v => v.SourceRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => v.SourceRecordId);
    }
}

internal sealed class ImportColumnConfiguration : IEntityTypeConfiguration<ImportColumn>
{
    public void Configure(EntityTypeBuilder<ImportColumn> builder)
    {
        builder.ToTable("import_columns");
        builder.Property(c => c.ColumnName).HasMaxLength(ImportColumn.MaxLength);
        builder.Property(c => c.Field).HasMaxLength(40);
        builder.HasOne<SourceSystem>().WithMany().HasForeignKey(c => c.SourceSystemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.SourceSystemId, c.ColumnName }).IsUnique();
    }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("import_jobs");
        builder.Property(j => j.FileName).HasMaxLength(ImportJob.MaxFileName);
        builder.Property(j => j.StoredName).HasMaxLength(100);
        builder.Property(j => j.Sha256).HasMaxLength(64);
        builder.Property(j => j.CreatedBy).HasMaxLength(200);
        builder.HasOne<SourceSystem>().WithMany().HasForeignKey(j => j.SourceSystemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(j => j.CreatedAt);
    }
}

internal sealed class NameMappingConfiguration : IEntityTypeConfiguration<NameMapping>
{
    public void Configure(EntityTypeBuilder<NameMapping> builder)
    {
        builder.ToTable("name_mappings");
        builder.Property(m => m.Written).HasMaxLength(NameMapping.MaxWritten);
        builder.Property(m => m.RegionCode).HasMaxLength(13);
        builder.Property(m => m.CreatedBy).HasMaxLength(200);
        builder.HasOne<Region>().WithMany().HasForeignKey(m => m.RegionCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.Kind, m.Written }).IsUnique();
    }
}

internal sealed class DuplicatePairConfiguration : IEntityTypeConfiguration<DuplicatePair>
{
    public void Configure(EntityTypeBuilder<DuplicatePair> builder)
    {
        builder.ToTable("duplicate_pairs");
        builder.Property(p => p.DecidedBy).HasMaxLength(200);
        builder.HasOne<Innovation>().WithMany().HasForeignKey(p => p.FirstId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Innovation>().WithMany().HasForeignKey(p => p.SecondId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.FirstId, p.SecondId }).IsUnique();
        builder.HasIndex(p => p.SecondId);
        builder.HasIndex(p => new { p.State, p.Score });
    }
}

internal sealed class StatusCheckConfiguration : IEntityTypeConfiguration<StatusCheck>
{
    public void Configure(EntityTypeBuilder<StatusCheck> builder)
    {
        builder.ToTable("status_checks");
        builder.Property(s => s.Reason).HasMaxLength(1000);
        builder.Property(s => s.CheckedBy).HasMaxLength(200);
        builder.HasIndex(s => new { s.InnovationId, s.CheckedOn });
    }
}
