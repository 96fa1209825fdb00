using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jippnas.Web.Data.Configurations;

internal sealed class NetworkMemberConfiguration : IEntityTypeConfiguration<NetworkMember>
{
    public void Configure(EntityTypeBuilder<NetworkMember> builder)
    {
        builder.ToTable("network_members");
        builder.Property(m => m.Name).HasMaxLength(NetworkMember.MaxName);
        builder.Property(m => m.ProvinceCode).HasMaxLength(13);
        builder.Property(m => m.Website).HasMaxLength(NetworkMember.MaxWebsite);
        builder.Property(m => m.Description).HasMaxLength(NetworkMember.MaxDescription);
        builder.HasOne<Region>().WithMany().HasForeignKey(m => m.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.Name).IsUnique();
    }
}

internal sealed class HubMemberConfiguration : IEntityTypeConfiguration<HubMember>
{
    public void Configure(EntityTypeBuilder<HubMember> builder)
    {
        builder.ToTable("hub_members");
        builder.Property(m => m.Role).HasMaxLength(HubMember.MaxRole);
        builder.HasOne<Hub>().WithMany().HasForeignKey(m => m.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Member).WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.HubId, m.MemberId, m.SinceYear }).IsUnique();
        builder.HasIndex(m => m.MemberId);
    }
}

internal sealed class MentorAssignmentConfiguration : IEntityTypeConfiguration<MentorAssignment>
{
    public void Configure(EntityTypeBuilder<MentorAssignment> builder)
    {
        builder.ToTable("mentor_assignments");
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(a => a.AssignedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Member).WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Hub>().WithMany().HasForeignKey(a => a.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Regions).WithOne().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.UserId, a.HubId });
        builder.HasIndex(a => a.HubId);
    }
}

internal sealed class MentorAssignmentRegionConfiguration : IEntityTypeConfiguration<MentorAssignmentRegion>
{
    public void Configure(EntityTypeBuilder<MentorAssignmentRegion> builder)
    {
        builder.ToTable("mentor_assignment_regions");
        builder.HasKey(r => new { r.AssignmentId, r.RegencyCode });
        builder.Property(r => r.RegencyCode).HasMaxLength(13);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.RegencyCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.RegencyCode);
    }
}

internal sealed class MentoringStageConfiguration : IEntityTypeConfiguration<MentoringStage>
{
    public void Configure(EntityTypeBuilder<MentoringStage> builder)
    {
        builder.ToTable("mentoring_stages");
        builder.Property(s => s.Title).HasMaxLength(MentoringStage.MaxTitle);
        builder.HasOne<Hub>().WithMany().HasForeignKey(s => s.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.HubId, s.Year, s.Number }).IsUnique();
    }
}

internal sealed class MentoringSessionConfiguration : IEntityTypeConfiguration<MentoringSession>
{
    public void Configure(EntityTypeBuilder<MentoringSession> builder)
    {
        builder.ToTable("mentoring_sessions");
        builder.Property(s => s.RegencyCode).HasMaxLength(13);
        builder.Property(s => s.Topics).HasMaxLength(MentoringSession.MaxText);
        builder.Property(s => s.Findings).HasMaxLength(MentoringSession.MaxFindings);
        builder.Property(s => s.FollowUps).HasMaxLength(MentoringSession.MaxText);
        builder.Property(s => s.Attendees).HasMaxLength(MentoringSession.MaxText);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Stage).WithMany().HasForeignKey(s => s.StageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.RegencyCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(s => s.MentorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.StageId, s.RegencyCode });
        builder.HasIndex(s => s.RegencyCode);
        builder.HasIndex(s => s.MentorId);
    }
}

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.ToTable("needs");
        builder.Property(n => n.RegencyCode).HasMaxLength(13);
        builder.Property(n => n.Problem).HasMaxLength(Need.MaxProblem);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasOne<Region>().WithMany().HasForeignKey(n => n.RegencyCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Sector).WithMany().HasForeignKey(n => n.SectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MentoringSession>().WithMany().HasForeignKey(n => n.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(n => n.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Indicators).WithOne().HasForeignKey(i => i.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.RegencyCode, n.Status });
        builder.HasIndex(n => n.SessionId);
        builder.HasIndex(n => n.SectorId);
        builder.HasIndex(n => n.CreatedBy);
    }
}

internal sealed class NeedIndicatorConfiguration : IEntityTypeConfiguration<NeedIndicator>
{
    public void Configure(EntityTypeBuilder<NeedIndicator> builder)
    {
        builder.ToTable("need_indicators");
        builder.Property(i => i.Name).HasMaxLength(NeedIndicator.MaxName);
        builder.Property(i => i.Unit).HasMaxLength(NeedIndicator.MaxUnit);
        builder.Property(i => i.Value).HasPrecision(18, 4);
    }
}

internal sealed class ProvincePolicyConfiguration : IEntityTypeConfiguration<ProvincePolicy>
{
    public void Configure(EntityTypeBuilder<ProvincePolicy> builder)
    {
        builder.ToTable("province_policies");
        builder.HasKey(p => p.ProvinceCode);
        builder.Property(p => p.ProvinceCode).HasMaxLength(13);
        builder.Property(p => p.Decree).HasMaxLength(ProvincePolicy.MaxDecree);
        builder.HasOne<Region>().WithOne().HasForeignKey<ProvincePolicy>(p => p.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(p => p.RecordedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ForumConfiguration : IEntityTypeConfiguration<Forum>
{
    public void Configure(EntityTypeBuilder<Forum> builder)
    {
        builder.ToTable("forums");
        builder.Property(f => f.ProvinceCode).HasMaxLength(13);
        builder.Property(f => f.Title).HasMaxLength(Forum.MaxTitle);
        builder.Property(f => f.Organisers).HasMaxLength(Forum.MaxText);
        builder.Property(f => f.Participants).HasMaxLength(Forum.MaxText);
        builder.Property(f => f.Materials).HasMaxLength(Forum.MaxText);
        builder.Property(f => f.Outcomes).HasMaxLength(Forum.MaxOutcomes);
        builder.HasOne<Region>().WithMany().HasForeignKey(f => f.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Hub>().WithMany().HasForeignKey(f => f.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(f => f.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.ProvinceCode, f.Kind, f.SeriesNumber }).IsUnique();
        builder.HasIndex(f => f.HubId);
        builder.HasIndex(f => f.HeldOn);
    }
}

internal sealed class MentoringSessionFileConfiguration : IEntityTypeConfiguration<MentoringSessionFile>
{
    public void Configure(EntityTypeBuilder<MentoringSessionFile> builder)
    {
        builder.ToTable("mentoring_session_files");
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.MediaType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.Description).HasMaxLength(MentoringSessionFile.MaxDescription);
        builder.HasOne<MentoringSession>().WithMany().HasForeignKey(f => f.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(f => f.UploadedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.SessionId);
        builder.HasIndex(f => f.UploadedBy);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("agreements");
        builder.Property(a => a.Number).HasMaxLength(Agreement.MaxNumber);
        builder.Property(a => a.Scope).HasMaxLength(Agreement.MaxScope);
        builder.Property(a => a.Document).HasMaxLength(Agreement.MaxDocument);
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.FileType).HasMaxLength(100);
        builder.Property(a => a.FileSha256).HasMaxLength(64);
        builder.HasOne<Hub>().WithMany().HasForeignKey(a => a.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(a => a.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Parties).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.HubId, a.SignedOn });
        builder.HasIndex(a => new { a.HubId, a.Kind, a.Number }).IsUnique();
        builder.HasIndex(a => a.CreatedBy);
    }
}

internal sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> builder)
    {
        builder.ToTable("agreement_parties");
        builder.Property(p => p.RegionCode).HasMaxLength(13);
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.HasOne<NetworkMember>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.AgreementId);
        builder.HasIndex(p => p.MemberId);
        builder.HasIndex(p => p.RegionCode);
    }
}
