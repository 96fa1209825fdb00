using System.Text.Json;
using Jippnas.Web.Features.Editorial;

namespace Jippnas.UnitTests;

/// <summary>
/// A revision published after its record changed elsewhere: each side's own changes survive, and a field both
/// changed to different values is a clash, never a silent overwrite.
/// </summary>
public sealed class RevisionRebaseTests
{
    private static readonly SortedDictionary<string, string?> Base = EditionFields.Clean(new Dictionary<string, string?>
    {
        ["name"] = "Aduan Desa", ["summary"] = "Ringkasan lama.", ["impact"] = "Dampak lama.", ["year"] = "2020",
    });

    [Fact]
    public void Changes_on_different_fields_are_both_kept()
    {
        var revision = With(Base, ("name", "Aduan Desa Terpadu"));
        var current = With(Base, ("summary", "Ringkasan dari impor."));

        var (merged, clashes) = EditorialDesk.Rebase(revision, JsonSerializer.Serialize(Base), current);

        clashes.ShouldBeEmpty();
        (merged["name"], merged["summary"], merged["impact"]).ShouldBe(("Aduan Desa Terpadu", "Ringkasan dari impor.", "Dampak lama."));
    }

    [Fact]
    public void A_field_both_changed_differently_is_a_clash_holding_both_values_and_the_revision_keeps_its_own()
    {
        var revision = With(Base, ("summary", "Ringkasan operator."), ("name", "Nama baru"));
        var current = With(Base, ("summary", "Ringkasan dari impor."), ("year", "2021"));

        var (merged, clashes) = EditorialDesk.Rebase(revision, JsonSerializer.Serialize(Base), current);

        clashes.ShouldHaveSingleItem().ShouldBe(new Jippnas.Web.Domain.FieldChange("summary", "Ringkasan dari impor.", "Ringkasan operator."));
        (merged["summary"], merged["name"], merged["year"]).ShouldBe(("Ringkasan operator.", "Nama baru", "2021"));
    }

    [Fact]
    public void Both_sides_making_the_same_change_is_no_clash()
    {
        var same = With(Base, ("impact", "Dampak baru."));
        var (_, clashes) = EditorialDesk.Rebase(same, JsonSerializer.Serialize(Base), same);
        clashes.ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_base_every_difference_from_the_published_record_is_a_clash()
    {
        var revision = With(Base, ("name", "Nama baru"));
        var (merged, clashes) = EditorialDesk.Rebase(revision, null, Base);
        clashes.Select(c => c.Field).ShouldBe(["name"]);
        merged["name"].ShouldBe("Nama baru");
    }

    private static SortedDictionary<string, string?> With(SortedDictionary<string, string?> values, params (string Key, string? Value)[] changes)
    {
        var copy = new SortedDictionary<string, string?>(values, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            copy[key] = value;
        }

        return copy;
    }
}
