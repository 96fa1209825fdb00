using Jippnas.Web.Domain;

namespace Jippnas.UnitTests;

public sealed class RoleGrantTests
{
    [Theory]
    [InlineData(AccountRole.NationalAdministrator, GrantScope.National, null)]
    [InlineData(AccountRole.Curator, GrantScope.National, null)]
    [InlineData(AccountRole.HubAdministrator, GrantScope.Province, "35")]
    [InlineData(AccountRole.HubAdministrator, GrantScope.Ministry, "12")]
    [InlineData(AccountRole.Operator, GrantScope.Agency, "501")]
    [InlineData(AccountRole.Mentor, GrantScope.Hub, "3")]
    [InlineData(AccountRole.Mentor, GrantScope.Regency, "35.08")]
    [InlineData(AccountRole.Evaluator, GrantScope.Round, "1")]
    public void A_role_is_granted_over_the_scopes_it_has(AccountRole role, GrantScope scope, string? key) =>
        RoleGrant.Refusal(role, scope, key).ShouldBeNull();

    [Theory]
    [InlineData(AccountRole.Operator, GrantScope.National, null, "cakupan")]
    [InlineData(AccountRole.NationalAdministrator, GrantScope.Province, "35", "cakupan")]
    [InlineData(AccountRole.Curator, GrantScope.National, "35", "nasional")]
    [InlineData(AccountRole.Operator, GrantScope.Agency, null, "perlu")]
    [InlineData(AccountRole.Operator, GrantScope.Agency, "", "perlu")]
    [InlineData(AccountRole.HubAdministrator, GrantScope.Province, "Jawa Timur", "kode provinsi")]
    [InlineData(AccountRole.HubAdministrator, GrantScope.Province, "35.08", "kode provinsi")]
    [InlineData(AccountRole.Mentor, GrantScope.Regency, "35", "kabupaten/kota")]
    [InlineData(AccountRole.Operator, GrantScope.Agency, "Dinas Kesehatan", "bukan nomor")]
    [InlineData(AccountRole.Mentor, GrantScope.Hub, "-3", "bukan nomor")]
    public void A_grant_that_does_not_fit_its_role_is_refused_saying_why(AccountRole role, GrantScope scope, string? key, string reason) =>
        RoleGrant.Refusal(role, scope, key)!.ShouldContain(reason);

    [Fact]
    public void Every_role_has_at_least_one_scope_and_a_revoked_grant_is_not_live()
    {
        Enum.GetValues<AccountRole>().ShouldAllBe(role => RoleGrant.ScopesOf(role).Count > 0);
        var grant = new RoleGrant { Role = AccountRole.Operator, Scope = GrantScope.Agency, ScopeKey = "501" };
        grant.IsLive.ShouldBeTrue();
        grant.RevokedAt = DateTimeOffset.UnixEpoch;
        grant.IsLive.ShouldBeFalse();
    }
}
