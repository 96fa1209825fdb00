using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Jippnas.Web.Features.Shared;

/// <summary>
/// Parses query-string parameters by hand so that every bad value becomes a message naming the parameter
/// (ProblemDetails in the API, a 400 page in the portal) rather than a binding failure or a 500.
/// </summary>
public sealed class QueryErrors(Texts t)
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public IDictionary<string, string[]> All => errors;

    public string Text(string indonesian, params object?[] args) => t.Format(indonesian, args);

    public void Add(string parameter, string message) =>
        errors[parameter] = errors.TryGetValue(parameter, out var existing) ? [.. existing, message] : [message];

    public int? Number(IQueryCollection query, string name, int min, int max)
    {
        var raw = One(query, name);
        if (raw is null)
        {
            return null;
        }

        if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Add(name, t.Format("Parameter '{0}' harus berupa bilangan bulat.", name));
            return null;
        }

        if (value < min || value > max)
        {
            Add(name, t.Format("Parameter '{0}' harus antara {1} dan {2}.", name, min, max));
            return null;
        }

        return value;
    }

    /// <summary>The one value of a parameter; empty means absent (an empty form field), two values are an error.</summary>
    public string? One(IQueryCollection query, string name, int maxLength = 200)
    {
        if (!query.TryGetValue(name, out StringValues values) || StringValues.IsNullOrEmpty(values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            Add(name, t.Format("Parameter '{0}' hanya boleh diberikan sekali.", name));
            return null;
        }

        var value = values[0]!.Trim();
        if (value.Length > maxLength)
        {
            Add(name, t.Format("Parameter '{0}' terlalu panjang.", name));
            return null;
        }

        return value.Length == 0 ? null : value;
    }
}
