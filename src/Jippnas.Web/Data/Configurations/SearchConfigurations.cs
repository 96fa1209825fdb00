using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jippnas.Web.Data.Configurations;

// The full-text index itself (innovation_search) is an FTS5 virtual table on SQLite and a tsvector table on
// PostgreSQL: it is created by the migrations and written with SQL, not mapped here.
internal sealed class SearchSynonymConfiguration : IEntityTypeConfiguration<SearchSynonym>
{
    public void Configure(EntityTypeBuilder<SearchSynonym> builder)
    {
        builder.ToTable("search_synonyms");
        builder.Property(s => s.Phrases).HasMaxLength(SearchSynonym.MaxLength);
        builder.Property(s => s.Note).HasMaxLength(500);
        builder.HasIndex(s => s.Phrases).IsUnique();
        builder.Ignore(s => s.PhraseList);
    }
}

internal sealed class SearchWordConfiguration : IEntityTypeConfiguration<SearchWord>
{
    public void Configure(EntityTypeBuilder<SearchWord> builder)
    {
        builder.ToTable("search_words");
        builder.HasKey(w => w.Word);
        builder.Property(w => w.Word).HasMaxLength(60);
        builder.Property(w => w.Stem).HasMaxLength(60);
    }
}

internal sealed class SearchSettingConfiguration : IEntityTypeConfiguration<SearchSetting>
{
    public void Configure(EntityTypeBuilder<SearchSetting> builder)
    {
        builder.ToTable("search_settings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(40);
        builder.Property(s => s.Value).HasMaxLength(200);
    }
}
