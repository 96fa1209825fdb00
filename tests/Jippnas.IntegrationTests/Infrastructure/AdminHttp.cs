using System.Net;
using System.Text.RegularExpressions;
using Jippnas.Tests;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests.Infrastructure;

/// <summary>
/// People of a test portal: accounts made through the portal's own services, clients signed in through its
/// sign-in pages (with the authenticator code when the account has two-step sign-in), and form posts with the
/// antiforgery token of the signed-in person.
/// </summary>
public static partial class AdminHttp
{
    public const string Password = "kata-sandi-uji-2026";
    public const string AdminEmail = "admin@jippnas.test";

    /// <summary>A client signed in as the portal's national administrator (made on first use, with two-step sign-in).</summary>
    public static async Task<HttpClient> ClientAsync(PortalFactory portal)
    {
        var key = await EnsureAccountAsync(portal, AdminEmail, "Administrator Uji", AccountRole.NationalAdministrator, GrantScope.National, null, twoFactor: true);
        return await SignInAsync(portal, AdminEmail, Password, key);
    }

    /// <summary>Makes an account with one grant unless it exists; returns its authenticator key when it has one.</summary>
    public static Task<string?> EnsureAccountAsync(PortalFactory portal, string email, string name, AccountRole role, GrantScope scope, string? key, bool twoFactor = false) =>
        TestAccounts.EnsureAsync(portal.Services, email, name, Password, role, scope, key, twoFactor);

    /// <summary>Signs in through /masuk (and /masuk/dua-langkah with a code from <paramref name="authenticatorKey"/>).</summary>
    public static async Task<HttpClient> SignInAsync(PortalFactory portal, string email, string password, string? authenticatorKey)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostAsync(client, "/masuk", new() { ["Email"] = email, ["Password"] = password }, tokenFrom: "/masuk");
        if (response.Headers.Location?.OriginalString.StartsWith("/masuk/dua-langkah", StringComparison.Ordinal) == true)
        {
            authenticatorKey.ShouldNotBeNull("the account asks for an authenticator code");
            response = await PostAsync(client, "/masuk/dua-langkah", new() { ["Code"] = Totp.Code(authenticatorKey, DateTimeOffset.UtcNow) }, tokenFrom: "/masuk/dua-langkah");
        }

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {email}");
        response.Headers.Location!.OriginalString.ShouldNotStartWith("/masuk");
        return client;
    }

    /// <summary>Posts a form as a page of <paramref name="tokenFrom"/> would, with that page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, string tokenFrom = "/akun")
    {
        var page = await client.GetStringAsync(tokenFrom);
        fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts a form (see <see cref="PostAsync"/>) and reads the answer, its HTML entities decoded.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> PostReadAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var response = await PostAsync(client, path, fields);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Today in Jakarta, as the portal reckons dates.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Jippnas.Web.Features.Shared.Formats.Jakarta).DateTime);

    public static string Token(string page) => TokenPattern().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
