using Jippnas.Web.Domain;

namespace Jippnas.UnitTests;

public sealed class GrantCoverageTests
{
    // A ministry (1) with a unit (2) and that unit's office (3); Lumajang's government (10) with its health office (11)
    // and a health centre under it (12); a province hub of East Java (100) and a ministry's hub (101).
    private static readonly Dictionary<int, int?> Parents = new() { [1] = null, [2] = 1, [3] = 2, [10] = null, [11] = 10, [12] = 11 };
    private static readonly Dictionary<int, (string?, int?)> Hubs = new() { [100] = ("35", null), [101] = (null, 1) };

    private static readonly ScopePlace HealthCentreLumajang = new(12, "35", "35.08");
    private static readonly ScopePlace SchoolBanyuwangi = new(null, "35", "35.10");
    private static readonly ScopePlace MinistryOffice = new(3, null, null);
    private static readonly ScopePlace Palembang = new(null, "16", "16.71");

    private static GrantCoverage Of(params RoleGrant[] grants) => new(grants, Parents, Hubs);

    private static RoleGrant Grant(AccountRole role, GrantScope scope, string? key, bool revoked = false) =>
        new() { Role = role, Scope = scope, ScopeKey = key, RevokedAt = revoked ? DateTimeOffset.UnixEpoch : null };

    [Fact]
    public void An_operator_of_an_agency_covers_it_and_its_units_and_nothing_else()
    {
        var coverage = Of(Grant(AccountRole.Operator, GrantScope.Agency, "11"));

        coverage.Covers(AccountRole.Operator, HealthCentreLumajang).ShouldBeTrue();
        coverage.Covers(AccountRole.Operator, new ScopePlace(11, "35", "35.08")).ShouldBeTrue();
        coverage.Covers(AccountRole.Operator, new ScopePlace(10, "35", "35.08")).ShouldBeFalse("the parent government is not the health office's to edit");
        coverage.Covers(AccountRole.Operator, SchoolBanyuwangi).ShouldBeFalse();
        coverage.Covers(AccountRole.Curator, HealthCentreLumajang).ShouldBeFalse("a grant covers its own role only");
    }

    [Fact]
    public void A_province_covers_every_record_placed_in_it_and_a_regency_only_its_own()
    {
        var province = Of(Grant(AccountRole.HubAdministrator, GrantScope.Province, "35"));
        province.Covers(AccountRole.HubAdministrator, HealthCentreLumajang).ShouldBeTrue();
        province.Covers(AccountRole.HubAdministrator, SchoolBanyuwangi).ShouldBeTrue();
        province.Covers(AccountRole.HubAdministrator, Palembang).ShouldBeFalse();

        var regency = Of(Grant(AccountRole.Mentor, GrantScope.Regency, "35.08"));
        regency.Covers(AccountRole.Mentor, HealthCentreLumajang).ShouldBeTrue();
        regency.Covers(AccountRole.Mentor, SchoolBanyuwangi).ShouldBeFalse();
    }

    [Fact]
    public void A_hub_covers_its_province_or_its_ministry_and_a_national_grant_everything()
    {
        Of(Grant(AccountRole.Mentor, GrantScope.Hub, "100")).Covers(AccountRole.Mentor, SchoolBanyuwangi).ShouldBeTrue();
        Of(Grant(AccountRole.Mentor, GrantScope.Hub, "100")).Covers(AccountRole.Mentor, MinistryOffice).ShouldBeFalse();
        Of(Grant(AccountRole.Mentor, GrantScope.Hub, "101")).Covers(AccountRole.Mentor, MinistryOffice).ShouldBeTrue();
        Of(Grant(AccountRole.Mentor, GrantScope.Hub, "999")).Covers(AccountRole.Mentor, SchoolBanyuwangi).ShouldBeFalse("an unknown hub covers nothing");
        Of(Grant(AccountRole.Curator, GrantScope.National, null)).Covers(AccountRole.Curator, Palembang).ShouldBeTrue();
        Of(Grant(AccountRole.HubAdministrator, GrantScope.Ministry, "1")).Covers(AccountRole.HubAdministrator, MinistryOffice).ShouldBeTrue();
        Of(Grant(AccountRole.Evaluator, GrantScope.Round, "1")).Covers(AccountRole.Evaluator, Palembang).ShouldBeFalse();
    }

    [Fact]
    public void A_revoked_grant_covers_nothing_and_several_grants_add_up()
    {
        Of(Grant(AccountRole.Operator, GrantScope.Agency, "11", revoked: true)).Covers(AccountRole.Operator, HealthCentreLumajang).ShouldBeFalse();
        Of(Grant(AccountRole.Operator, GrantScope.Agency, "11", revoked: true)).Roles.ShouldBeEmpty();

        var both = Of(Grant(AccountRole.Operator, GrantScope.Agency, "11"), Grant(AccountRole.Operator, GrantScope.Agency, "3"));
        both.Covers(AccountRole.Operator, HealthCentreLumajang).ShouldBeTrue();
        both.Covers(AccountRole.Operator, MinistryOffice).ShouldBeTrue();
        both.Roles.ShouldBe([AccountRole.Operator]);
    }

    [Fact]
    public void A_grant_whose_key_is_not_a_number_covers_nothing_rather_than_failing()
    {
        Of(Grant(AccountRole.Operator, GrantScope.Agency, "Dinas Kesehatan")).Covers(AccountRole.Operator, HealthCentreLumajang).ShouldBeFalse();
        Of(Grant(AccountRole.Mentor, GrantScope.Hub, null)).Covers(AccountRole.Mentor, SchoolBanyuwangi).ShouldBeFalse();
    }

    [Fact]
    public void A_cycle_in_damaged_reference_data_ends_the_walk_instead_of_hanging()
    {
        var cyclic = new Dictionary<int, int?> { [20] = 21, [21] = 20 };

        new GrantCoverage([Grant(AccountRole.Operator, GrantScope.Agency, "1")], cyclic, Hubs).Covers(AccountRole.Operator, new ScopePlace(20, null, null)).ShouldBeFalse();
    }
}
