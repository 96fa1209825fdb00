using System.Net;
using System.Text.Json;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests;

/// <summary>
/// Every route of the portal (each API endpoint and method, each page handler) × every role, against the table in
/// Data/authorization-matrix.json: a route the table does not list fails, as does any answer that differs from it.
/// "deny" is 401 or 403, or a redirect to sign-in; "allow" is any other answer, and every answer must come from the
/// route the table names (the portal here says which route answered: a path that matches nothing cannot pass).
/// </summary>
public abstract class AuthorizationMatrixTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    private const string RouteHeader = "X-Test-Route";

    protected override PortalFactory CreatePortal(TestDatabase database) =>
        new(database, null, builder => builder.ConfigureServices(services => services.AddTransient<IStartupFilter, RouteEcho>()));

    [SkippableFact]
    public async Task The_table_lists_every_route_of_the_portal_and_no_other()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var routes = await RoutesAsync(Portal.Services);
        var listed = Matrix.Routes.Select(r => r.Route).ToList();

        routes.Except(listed).ShouldBeEmpty("routes the table does not list: add them to Data/authorization-matrix.json with who may use them");
        listed.Except(routes).ShouldBeEmpty("routes the table lists that the portal no longer has");
        listed.ShouldBeUnique();
    }

    [SkippableFact]
    public async Task Every_route_answers_every_role_as_the_table_says()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = Portal.Browser(),
            ["national_admin"] = await AdminHttp.ClientAsync(Portal),
            ["curator"] = await SignedInAsync("curator", AccountRole.Curator, GrantScope.National, null, twoFactor: true),
            ["hub_admin"] = await SignedInAsync("hub", AccountRole.HubAdministrator, GrantScope.Province, "35"),
            ["operator"] = await SignedInAsync("operator", AccountRole.Operator, GrantScope.Agency, "1"),
            ["mentor"] = await SignedInAsync("mentor", AccountRole.Mentor, GrantScope.Hub, "1"),
        };
        Matrix.Roles.Keys.Order().ShouldBe(clients.Keys.Order());

        var wrong = new List<string>();
        // Signing out ends the clients' sessions: it goes last.
        foreach (var route in Matrix.Routes.OrderBy(r => r.Route == "POST /keluar"))
        {
            foreach (var (role, client) in clients)
            {
                var expected = route.For(role);
                var response = await SendAsync(client, route, role);
                var denied = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/masuk", StringComparison.Ordinal) == true);
                var answeredBy = response.Headers.TryGetValues(RouteHeader, out var values) ? values.Single() : "no route";
                if (denied != (expected == "deny") || response.StatusCode >= HttpStatusCode.InternalServerError || answeredBy != route.Route.Split(' ')[1].Split("?handler=")[0])
                {
                    wrong.Add($"{route.Route} as {role}: expected {expected}, got {(int)response.StatusCode} from {answeredBy}");
                }
            }
        }

        wrong.ShouldBeEmpty();
    }

    private async Task<HttpClient> SignedInAsync(string name, AccountRole role, GrantScope scope, string? key, bool twoFactor = false)
    {
        var email = $"{name}@jippnas.test";
        var authenticator = await AdminHttp.EnsureAccountAsync(Portal, email, name, role, scope, key, twoFactor);
        return await AdminHttp.SignInAsync(Portal, email, AdminHttp.Password, authenticator);
    }

    // Signed-in people post with their antiforgery token, as the pages' forms do; the public posts bare.
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, MatrixRoute route, string role) => route.Route.Split(' ')[0] switch
    {
        "GET" => client.GetAsync(route.Path),
        "POST" when role != "anonymous" => AdminHttp.PostAsync(client, route.Path, []),
        "POST" => client.PostAsync(route.Path, new FormUrlEncodedContent([])),
        "PUT" => client.PutAsync(route.Path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json")),
        var method => throw new InvalidOperationException($"No request for {method} yet: add one here."),
    };

    // "METHOD /pattern" for each endpoint method and each page handler ("?handler=name").
    private static async Task<List<string>> RoutesAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new List<string>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // A page without handler methods answers GET with its view.
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                routes.AddRange(compiled.HandlerMethods.Count == 0
                    ? [$"GET {pattern}"]
                    : compiled.HandlerMethods.Select(h => $"{h.HttpMethod.ToUpperInvariant()} {pattern}{(h.Name is null ? "" : "?handler=" + h.Name.ToLowerInvariant())}"));
            }
            else
            {
                routes.AddRange((endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {pattern}"));
            }
        }

        return [.. routes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    // Names, on every answer, the route pattern that answered it.
    private sealed class RouteEcho : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Response.OnStarting(() =>
                {
                    // An error answer is the error page's, re-executed: the route asked is the one it stood for.
                    if ((context.Features.Get<IStatusCodeReExecuteFeature>()?.Endpoint ?? context.GetEndpoint()) is RouteEndpoint endpoint)
                    {
                        context.Response.Headers[RouteHeader] = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
                    }

                    return Task.CompletedTask;
                });
                return following();
            });
            next(app);
        };
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static AuthorizationMatrix Matrix { get; } = JsonSerializer.Deserialize<AuthorizationMatrix>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "authorization-matrix.json")), Json)!;

    private sealed record AuthorizationMatrix(string About, Dictionary<string, string> Roles, List<MatrixRoute> Routes);

    // "allow": "everyone", or the list of roles allowed (an empty list: nobody as these roles stand).
    private sealed record MatrixRoute(string Route, string Path, JsonElement Allow)
    {
        public string For(string role) => Allow.ValueKind == JsonValueKind.String
            ? Allow.GetString() == "everyone" ? "allow" : throw new InvalidOperationException($"{Route}: allow is \"everyone\" or a list of roles.")
            : Allow.EnumerateArray().Any(r => r.GetString() == role) ? "allow" : "deny";
    }
}

public sealed class SqliteAuthorizationMatrixTests() : AuthorizationMatrixTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuthorizationMatrixTests() : AuthorizationMatrixTests(DatabaseProvider.PostgreSql);
