using System.Globalization;
using System.Text.RegularExpressions;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Shared;

namespace Jippnas.UnitTests;

public sealed partial class WebTests
{
    [Theory]
    [InlineData("ParentCode", "parent_code")]
    [InlineData("Id", "id")]
    [InlineData("PK_Innovations", "pk_innovations")]
    [InlineData("IX_Awards_InnovationId_AwardKindId_Year", "ix_awards_innovation_id_award_kind_id_year")]
    public void Names_become_snake_case(string name, string expected) => SnakeCaseNames.ToSnake(name).ShouldBe(expected);

    [Fact]
    public void Filter_query_strings_keep_every_filter_and_drop_defaults()
    {
        var filter = new InnovationFilter("16", "16.71", "PENDIDIKAN", 2020, InnovationPhase.Development, InnovationStatus.Running, Page: 3);
        filter.ToQueryString().ShouldBe("?province=16&regency=16.71&sector=PENDIDIKAN&year=2020&phase=pengembangan&status=berjalan&page=3");
        filter.ToQueryString(page: 1).ShouldNotContain("page=");
        new InnovationFilter().ToQueryString().ShouldBe("");
        new InnovationFilter(Province: "16", PageSize: 50).ToQueryString(2).ShouldBe("?province=16&page=2&pageSize=50");
    }

    [Theory]
    [InlineData("https://youtu.be/abc", true)]
    [InlineData("http://layanan.palembang.go.id", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("//evil.example", false)]
    [InlineData("bukan tautan", false)]
    [InlineData(null, false)]
    public void Only_http_addresses_become_links(string? url, bool link) => Formats.IsWebLink(url).ShouldBe(link);

    [Theory]
    [InlineData("/inovasi?province=16&page=2", "/inovasi?province=16&page=2")]
    [InlineData("/", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("/a\r\nSet-Cookie:x", "/")]
    [InlineData("/ä", "/")]
    [InlineData(null, "/")]
    public void The_language_switch_returns_only_to_plain_local_paths(string? path, string expected) =>
        Jippnas.Web.Infrastructure.Platform.SafeReturnPath(path).ShouldBe(expected);

    [Fact]
    public void Every_phase_and_status_has_a_distinct_slug()
    {
        Enum.GetValues<InnovationPhase>().Select(Formats.PhaseSlug).Distinct().Count().ShouldBe(3);
        Enum.GetValues<InnovationStatus>().Select(Formats.StatusSlug).Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public void Rupiah_and_dates_are_written_the_Indonesian_way()
    {
        Formats.Rupiah(1_250_000m).ShouldBe("Rp1.250.000");
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("id-ID");
            Formats.Date(new DateOnly(2020, 11, 3)).ShouldBe("3 November 2020");
            Formats.Date(new DateOnly(2021, 8, 17)).ShouldBe("17 Agustus 2021");
            Formats.Number(28539).ShouldBe("28.539");
            // A moment late on the 23rd in UTC is already the 24th in Jakarta (WIB).
            Formats.Date(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero)).ShouldBe("24 November 2026");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_embedded_region_lists_have_38_provinces_and_514_regencies_and_cities()
    {
        var provinces = ReferenceDataLoader.ReadCsv("provinces.csv").ToList();
        var regencies = ReferenceDataLoader.ReadCsv("regencies.csv").ToList();

        provinces.Count.ShouldBe(ReferenceDataLoader.ProvinceCount);
        regencies.Count.ShouldBe(ReferenceDataLoader.RegencyCityCount);
        provinces.ShouldAllBe(p => Region.IsProvinceCode(p[0]));
        regencies.ShouldAllBe(r => Region.IsRegencyCode(r[0]) && r[0].StartsWith(r[1] + "."));
        regencies.Count(r => Region.LevelOfRegencyCode(r[0]) == RegionLevel.City).ShouldBe(98);
        regencies.Where(r => Region.LevelOfRegencyCode(r[0]) == RegionLevel.City).ShouldAllBe(r => r[2].StartsWith("Kota "));
        regencies.Where(r => Region.LevelOfRegencyCode(r[0]) == RegionLevel.Regency).ShouldAllBe(r => r[2].StartsWith("Kabupaten "));
    }

    /// <summary>Every Indonesian text the interface shows has an English entry, and no entry is left unused.</summary>
    [Fact]
    public void Every_screen_text_has_an_English_translation()
    {
        var root = FindRepositoryRoot();
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src", "Jippnas.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);
        var used = sources.SelectMany(s => TextKey().Matches(s)).Select(m => m.Groups["key"].Value).ToHashSet();
        // Texts shown through a table rather than a literal: the editorial form's labels, the workflow's states, the permissions, the hub programme's criteria, milestones and statuses.
        used.UnionWith(Jippnas.Web.Features.Editorial.EditionFields.All.Select(f => f.Label));
        used.UnionWith(Enum.GetValues<EditorialState>().Select(EditorialWorkflow.Name));
        used.UnionWith(Jippnas.Web.Features.Accounts.PermissionCatalog.All.Select(p => p.Label));
        used.UnionWith(Jippnas.Web.Features.Hubs.HubRules.CriterionNames.Values.Concat(Jippnas.Web.Features.Hubs.HubRules.MilestoneNames.Values).Concat(Jippnas.Web.Features.Hubs.HubRules.StatusNames.Values));
        used.UnionWith(Jippnas.Web.Features.Mentoring.MentoringDesk.MemberKinds.Select(k => k.Name).Concat(Jippnas.Web.Features.Mentoring.MentoringDesk.Priorities.Select(p => p.Name)));
        used.UnionWith(Jippnas.Web.Features.Mentoring.MentoringDesk.NeedStatuses.Select(s => s.Name));
        used.UnionWith(Jippnas.Web.Features.Replication.ReplicationStages.All.Select(s => s.Name).Concat(Jippnas.Web.Features.Replication.ReplicationDesk.Adaptations.Select(a => a.Name)));
        used.UnionWith(Jippnas.Web.Features.Replication.MatchScoring.Texts);
        used.UnionWith(Jippnas.Web.Features.Replication.ActionPlanDesk.Sources.Select(s => s.Name).Concat(Jippnas.Web.Features.Replication.ActionPlanDesk.Statuses.Select(s => s.Name)));
        used.Add(MentoringStage.DefaultTitle(1));
        used.UnionWith(Jippnas.Web.Features.Forums.ForumDesk.Kinds.Select(k => k.Name).Concat(Jippnas.Web.Features.Hubs.AgreementDesk.Kinds.Select(k => k.Name)));
        var english = new Texts().EnglishKeys.ToHashSet();

        used.Count.ShouldBeGreaterThan(100);
        used.Except(english).ShouldBeEmpty("texts without English");
        english.Except(used).ShouldBeEmpty("English entries no page uses");
    }

    [GeneratedRegex("(?<![A-Za-z])(?:[Tt]\\[|[Tt]\\.Format\\(|errors\\.Text\\()\"(?<key>[^\"]+)\"")]
    private static partial Regex TextKey();

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Jippnas.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Jippnas.slnx not found above the test binaries.");
    }
}
