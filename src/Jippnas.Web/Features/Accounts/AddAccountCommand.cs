using Jippnas.Web.Domain;

namespace Jippnas.Web.Features.Accounts;

/// <summary>
/// <c>add-account EMAIL "FULL NAME" ROLE [SCOPE KEY]</c>, the password on standard input: the first national
/// administrator of a new installation, or any account before the invitation pages exist.
/// </summary>
internal static class AddAccountCommand
{
    public const string Usage = "add-account <email> \"<full name>\" <national-admin|curator|hub-admin|operator|mentor|evaluator> [<national|province|ministry|agency|hub|regency|round> <code or id>] (password on stdin)";

    private static readonly Dictionary<string, AccountRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["national-admin"] = AccountRole.NationalAdministrator,
        ["curator"] = AccountRole.Curator,
        ["hub-admin"] = AccountRole.HubAdministrator,
        ["operator"] = AccountRole.Operator,
        ["mentor"] = AccountRole.Mentor,
        ["evaluator"] = AccountRole.Evaluator,
    };

    /// <summary>Creates the account; null when done, else what went wrong (one line per problem).</summary>
    public static async Task<string?> RunAsync(AccountDirectory accounts, IReadOnlyList<string> arguments, TextReader input, CancellationToken cancellationToken)
    {
        if (arguments.Count is not (3 or 5) || !Roles.TryGetValue(arguments[2], out var role))
        {
            return "add-account: " + Usage + ".";
        }

        var scope = GrantScope.National;
        if (arguments.Count == 5 && !Enum.TryParse(arguments[3], ignoreCase: true, out scope))
        {
            return $"add-account: unknown scope '{arguments[3]}' (national, province, ministry, agency, hub, regency, round).";
        }

        // The password comes on standard input so it stays out of shell history and process lists.
        var password = (await input.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? "";
        var result = await accounts.CreateAsync(arguments[0], arguments[1], password, role, scope, arguments.Count == 5 ? arguments[4] : null, null, cancellationToken);
        return result.Succeeded ? null : string.Join(Environment.NewLine, result.Errors.Select(e => $"add-account: {e.Field}: {e.Message}"));
    }
}
