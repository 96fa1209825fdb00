using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Jippnas.Web.Infrastructure;

namespace Jippnas.IntegrationTests.Infrastructure;

/// <summary>The administrator's side of a test portal: its password settings, a signed-in client, and form posts with the antiforgery token.</summary>
public static partial class AdminHttp
{
    public const string Password = "kata-sandi-uji-2026";

    public static readonly string Hash = AdminAuthentication.HashPassword(Password);

    /// <summary>The settings that give a test portal this administrator.</summary>
    public static Dictionary<string, string> Settings() => new() { ["Jippnas:Admin:PasswordHash"] = Hash };

    public static HttpClient Client(PortalFactory portal)
    {
        var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{Password}")));
        return client;
    }

    /// <summary>Posts a form as a page of <paramref name="tokenFrom"/> would, with that page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, string tokenFrom = "/admin/impor")
    {
        var page = await client.GetStringAsync(tokenFrom);
        fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
