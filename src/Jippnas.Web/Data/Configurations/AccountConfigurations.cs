using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jippnas.Web.Data.Configurations;

// Identity's user store under JIPPNas's names (its own model is built first, in JippnasDb.OnModelCreating).
internal sealed class AccountUserConfiguration : IEntityTypeConfiguration<AccountUser>
{
    public void Configure(EntityTypeBuilder<AccountUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.HasIndex(u => u.NormalizedUserName).HasDatabaseName("ix_users_normalized_user_name").IsUnique();
        builder.HasIndex(u => u.NormalizedEmail).HasDatabaseName("ix_users_normalized_email");
    }
}

internal sealed class AccountClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<int>> builder) => builder.ToTable("user_claims");
}

internal sealed class AccountLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<int>> builder) => builder.ToTable("user_logins");
}

internal sealed class AccountTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<int>> builder) => builder.ToTable("user_tokens");
}

internal sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> builder)
    {
        builder.ToTable("role_grants");
        builder.Property(g => g.ScopeKey).HasMaxLength(20);
        builder.Ignore(g => g.IsLive);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(g => g.GrantedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.UserId, g.RevokedAt });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.Property(a => a.Actor).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(30);
        builder.Property(a => a.Entity).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Ip).HasMaxLength(50);
        builder.Property(a => a.UserAgent).HasMaxLength(300);
        // No foreign key to users: the log outlives what it records.
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.UserId, a.At });
        builder.HasIndex(a => new { a.Entity, a.EntityId });
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("api_tokens");
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Prefix).HasMaxLength(8);
        builder.Property(t => t.SecretHash).HasMaxLength(64);
        builder.Property(t => t.Permissions).HasMaxLength(500);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.Prefix).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasIndex(t => t.AgencyId);
    }
}
