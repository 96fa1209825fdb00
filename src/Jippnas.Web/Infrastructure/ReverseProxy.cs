using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Jippnas.Web.Infrastructure;

/// <summary>Behind a load balancer that terminates TLS: which proxies may tell the client's address and scheme.</summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    public bool Enabled { get; set; }

    /// <summary>Networks of the balancers in CIDR form (10.0.0.0/8). Empty: trust any sender, so the app must
    /// then be reachable only through the balancer.</summary>
    public List<string> KnownNetworks { get; init; } = [];
}

internal static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        services.Configure<ReverseProxyOptions>(configuration.GetSection(ReverseProxyOptions.Section));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var network in proxy.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            if (proxy.KnownNetworks.Count == 0)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("0.0.0.0/0"));
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("::/0"));
            }
        });
        return services;
    }
}
