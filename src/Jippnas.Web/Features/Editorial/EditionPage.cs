using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Editorial;

/// <summary>What the operator's form shows: the fields, the choices of agency and sector, the errors by field.</summary>
public sealed class EditionFormModel
{
    public required IReadOnlyDictionary<string, string?> Values { get; init; }
    public required IReadOnlyList<(int Id, string Name)> Agencies { get; init; }
    public required IReadOnlyList<(int Id, string Name)> Sectors { get; init; }
    public required IReadOnlyDictionary<string, string> Errors { get; init; }
    public bool ReadOnly { get; init; }
}

/// <summary>Shared by the new-draft and edit pages: the agencies a person may write for, the sectors, the errors by field.</summary>
public abstract class EditionPage(JippnasDb db, CurrentAccess access, Texts t) : PageModel
{
    protected JippnasDb Db => db;

    protected Texts T => t;

    public EditionFormModel Form { get; protected set; } = null!;

    protected async Task<(AccessView View, EditorialScope Scope)> EditScopeAsync(CancellationToken cancellationToken)
    {
        var view = (await access.GetAsync(User, cancellationToken))!;
        return (view, await EditorialScope.OfAsync(db, view, InnovationPermissions.All.First(p => p.Name == InnovationPermissions.Edit), cancellationToken));
    }

    protected async Task<EditionFormModel> FormAsync(IReadOnlyDictionary<string, string?> values, EditorialScope scope, IEnumerable<(string Key, string Message)> errors, bool readOnly, CancellationToken cancellationToken)
    {
        var agencies = scope.All
            ? await db.Agencies.OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken)
            : await db.Agencies.Where(a => scope.Agencies.Contains(a.Id)).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        if (values.GetValueOrDefault("agency") is { } current && !agencies.Exists(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == current)
            && int.TryParse(current, System.Globalization.CultureInfo.InvariantCulture, out var currentId)
            && await db.Agencies.Where(a => a.Id == currentId).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(cancellationToken) is { } shown)
        {
            agencies.Insert(0, shown);
        }

        var english = Texts.IsEnglish;
        var sectors = await db.Sectors.Where(s => s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
        var byField = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, message) in errors)
        {
            var shownKey = key.Length == 0 ? "" : key;
            byField[shownKey] = byField.TryGetValue(shownKey, out var earlier) ? earlier + " " + t[message] : t[message];
            ModelState.AddModelError(key.Length == 0 ? "" : "F_" + key, t[message]);
        }

        return new EditionFormModel
        {
            Values = values,
            Agencies = [.. agencies.Select(a => (a.Id, a.Name))],
            Sectors = [.. sectors.Select(s => (s.Id, s.Name(english)))],
            Errors = byField,
            ReadOnly = readOnly,
        };
    }

    protected static ScopePlace PlaceOf(Innovation innovation) => new(innovation.AgencyId, innovation.ProvinceCode, innovation.RegencyCode);
}
