namespace Jippnas.Web.Domain;

/// <summary>What a person does in JIPPNas (docs/design/accounts.md); each grant of one has a scope.</summary>
public enum AccountRole
{
    NationalAdministrator = 0,
    Curator = 1,
    HubAdministrator = 2,
    Operator = 3,
    Mentor = 4,
    Evaluator = 5,
}

/// <summary>What a grant covers: everything, or one province, ministry, agency, hub, regency/city or competition round.</summary>
public enum GrantScope
{
    National = 0,
    Province = 1,
    Ministry = 2,
    Agency = 3,
    Hub = 4,
    Regency = 5,
    Round = 6,
}

/// <summary>
/// One role of one person over one scope, granted by an administrator and revoked, never deleted, so who could do
/// what on any day stays known. The key names the scope: a Kemendagri code (province, regency/city), or an id
/// (ministry and agency: the agency's; hub; round); none for a national grant.
/// </summary>
public sealed class RoleGrant
{
    public long Id { get; init; }
    public int UserId { get; init; }
    public AccountRole Role { get; init; }
    public GrantScope Scope { get; init; }
    public string? ScopeKey { get; init; }
    public int? GrantedBy { get; init; }
    public DateTimeOffset GrantedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsLive => RevokedAt is null;

    /// <summary>The scopes a role can be granted over.</summary>
    public static IReadOnlyList<GrantScope> ScopesOf(AccountRole role) => role switch
    {
        AccountRole.NationalAdministrator or AccountRole.Curator => [GrantScope.National],
        AccountRole.HubAdministrator => [GrantScope.Province, GrantScope.Ministry],
        AccountRole.Operator => [GrantScope.Agency],
        AccountRole.Mentor => [GrantScope.Hub, GrantScope.Regency],
        AccountRole.Evaluator => [GrantScope.Round],
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    /// <summary>Why a role cannot be granted over a scope and key, or null when it can.</summary>
    public static string? Refusal(AccountRole role, GrantScope scope, string? key)
    {
        if (!ScopesOf(role).Contains(scope))
        {
            return $"Peran ini tidak dapat diberikan dengan cakupan tersebut; cakupan yang mungkin: {string.Join(", ", ScopesOf(role))}.";
        }

        return (scope, key) switch
        {
            (GrantScope.National, null) => null,
            (GrantScope.National, _) => "Cakupan nasional tidak memakai kode wilayah atau nomor.",
            (_, null or "") => "Cakupan ini perlu kode wilayah atau nomor (provinsi, kabupaten/kota, instansi, hub atau putaran).",
            (GrantScope.Province, _) when !Region.IsProvinceCode(key) => $"'{key}' bukan kode provinsi Kemendagri (dua angka, mis. 35).",
            (GrantScope.Regency, _) when !Region.IsRegencyCode(key) => $"'{key}' bukan kode kabupaten/kota Kemendagri (mis. 35.08).",
            (GrantScope.Ministry or GrantScope.Agency or GrantScope.Hub or GrantScope.Round, _) when !int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) =>
                $"'{key}' bukan nomor; cakupan ini memakai nomor instansi, hub atau putaran.",
            _ => null,
        };
    }
}
