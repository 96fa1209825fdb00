using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Jippnas.Web.Features.Shared;

/// <summary>
/// Words on screen. Keys are the Indonesian text itself (Indonesian comes first); Resources/en.json maps
/// each to English. A key without an English entry shows in Indonesian, and a test fails on it.
/// </summary>
public sealed class Texts
{
    private readonly FrozenDictionary<string, string> english;

    public Texts()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Jippnas.Web.Resources.en.json")
            ?? throw new InvalidOperationException("Resources/en.json is not embedded.");
        english = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public IReadOnlyCollection<string> EnglishKeys => english.Keys;

    public string this[string indonesian] =>
        IsEnglish && english.TryGetValue(indonesian, out var text) ? text : indonesian;

    public string Format(string indonesian, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, this[indonesian], args);
}
