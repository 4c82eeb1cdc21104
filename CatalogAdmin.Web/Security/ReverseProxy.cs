using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CatalogAdmin.Web.Security;

/// <summary>
/// Running behind a reverse proxy that terminates HTTPS: X-Forwarded-For and X-Forwarded-Proto are honoured only from
/// the proxies listed in configuration (<c>ReverseProxy:KnownProxies</c>, addresses; <c>ReverseProxy:KnownNetworks</c>,
/// CIDR ranges). With none listed, no forwarded header is believed. HSTS (one year) is sent on HTTPS responses.
/// </summary>
internal static class ReverseProxy
{
    private const string DirectFromThisMachineItem = "CatalogAdmin.DirectFromThisMachine";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what configuration lists is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });
        return services;
    }

    /// <summary>First in the pipeline: notes whether the request came straight from this machine, then applies forwarded headers.</summary>
    public static IApplicationBuilder UseReverseProxySupport(this IApplicationBuilder app, IConfiguration configuration)
    {
        app.Use((context, next) =>
        {
            // Read before the forwarded headers replace the client address: behind a proxy on this machine every
            // request arrives from loopback, so only one that names no other client is really from here.
            var headers = context.Request.Headers;
            context.Items[DirectFromThisMachineItem] = context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
                && !headers.ContainsKey("X-Forwarded-For") && !headers.ContainsKey("X-Forwarded-Proto") && !headers.ContainsKey("Forwarded");
            return next(context);
        });
        if (configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() is { Length: > 0 }
            || configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() is { Length: > 0 })
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>The request came over a loopback connection and through no proxy (whatever forwarded headers say).</summary>
    public static bool IsDirectFromThisMachine(HttpContext context) => context.Items[DirectFromThisMachineItem] is true;
}
