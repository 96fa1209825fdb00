using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jippnas.Web.Data.Configurations;

internal sealed class MaturityInstrumentConfiguration : IEntityTypeConfiguration<MaturityInstrument>
{
    public void Configure(EntityTypeBuilder<MaturityInstrument> builder)
    {
        builder.ToTable("maturity_instruments");
        builder.Ignore(i => i.Questions);
        builder.Property(i => i.Title).HasMaxLength(MaturityInstrument.MaxTitle);
        builder.Property(i => i.Source).HasMaxLength(MaturityInstrument.MaxSource);
        builder.HasIndex(i => i.Year).IsUnique();
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(i => i.LoadedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Levels).WithOne().HasForeignKey(l => l.InstrumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Aspects).WithOne().HasForeignKey(a => a.InstrumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MaturityLevelConfiguration : IEntityTypeConfiguration<MaturityLevel>
{
    public void Configure(EntityTypeBuilder<MaturityLevel> builder)
    {
        builder.ToTable("maturity_levels", table => table.HasCheckConstraint("ck_maturity_levels_from_score", "from_score BETWEEN 0 AND 100"));
        builder.Property(l => l.Name).HasMaxLength(MaturityLevel.MaxName);
        builder.HasIndex(l => new { l.InstrumentId, l.FromScore }).IsUnique();
    }
}

internal sealed class MaturityAspectConfiguration : IEntityTypeConfiguration<MaturityAspect>
{
    public void Configure(EntityTypeBuilder<MaturityAspect> builder)
    {
        builder.ToTable("maturity_aspects");
        builder.Property(a => a.Code).HasMaxLength(MaturityAspect.MaxCode);
        builder.Property(a => a.Name).HasMaxLength(MaturityAspect.MaxName);
        builder.HasIndex(a => new { a.InstrumentId, a.Code }).IsUnique();
        builder.HasMany(a => a.Questions).WithOne().HasForeignKey(q => q.AspectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MaturityQuestionConfiguration : IEntityTypeConfiguration<MaturityQuestion>
{
    public void Configure(EntityTypeBuilder<MaturityQuestion> builder)
    {
        builder.ToTable("maturity_questions", table => table.HasCheckConstraint("ck_maturity_questions_weight", "weight BETWEEN 1 AND 100"));
        builder.Ignore(q => q.MaxScore);
        builder.Property(q => q.Code).HasMaxLength(MaturityQuestion.MaxCode);
        builder.Property(q => q.Text).HasMaxLength(MaturityQuestion.MaxText);
        builder.Property(q => q.Guidance).HasMaxLength(MaturityQuestion.MaxText);
        builder.HasIndex(q => new { q.AspectId, q.Code }).IsUnique();
        builder.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MaturityOptionConfiguration : IEntityTypeConfiguration<MaturityOption>
{
    public void Configure(EntityTypeBuilder<MaturityOption> builder)
    {
        builder.ToTable("maturity_options", table => table.HasCheckConstraint("ck_maturity_options_score", "score BETWEEN 0 AND 100"));
        builder.Property(o => o.Text).HasMaxLength(MaturityOption.MaxText);
        builder.HasIndex(o => new { o.QuestionId, o.Ordinal }).IsUnique();
    }
}

internal sealed class MaturityAssessmentConfiguration : IEntityTypeConfiguration<MaturityAssessment>
{
    public void Configure(EntityTypeBuilder<MaturityAssessment> builder)
    {
        builder.ToTable("maturity_assessments");
        builder.Property(a => a.VerifierNote).HasMaxLength(MaturityAssessment.MaxNote);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.HubId, a.InstrumentId }).IsUnique();
        builder.HasIndex(a => a.InstrumentId);
        builder.HasOne<Hub>().WithMany().HasForeignKey(a => a.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MaturityInstrument>().WithMany().HasForeignKey(a => a.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(a => a.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(a => a.SubmittedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccountUser>().WithMany().HasForeignKey(a => a.VerifiedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MaturityAnswerConfiguration : IEntityTypeConfiguration<MaturityAnswer>
{
    public void Configure(EntityTypeBuilder<MaturityAnswer> builder)
    {
        builder.ToTable("maturity_answers");
        builder.Property(a => a.Evidence).HasMaxLength(MaturityAnswer.MaxText);
        builder.Property(a => a.SelfNote).HasMaxLength(MaturityAnswer.MaxText);
        builder.Property(a => a.VerifierNote).HasMaxLength(MaturityAnswer.MaxText);
        builder.HasIndex(a => new { a.AssessmentId, a.QuestionId }).IsUnique();
        builder.HasOne<MaturityQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MaturityOption>().WithMany().HasForeignKey(a => a.SelfOptionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MaturityOption>().WithMany().HasForeignKey(a => a.VerifiedOptionId).OnDelete(DeleteBehavior.Restrict);
    }
}
