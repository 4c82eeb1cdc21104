using Microsoft.AspNetCore.Authentication.Cookies;

namespace CatalogAdmin.Web.Security;

/// <summary>
/// Names the auth cookie <c>__Host-CatalogAdmin.Auth</c> on HTTPS (directly or through a trusted proxy): the browser
/// then accepts it only with Secure, Path=/ and no Domain, so no other host or plain-HTTP page can set or shadow it.
/// Over plain HTTP (a developer's machine) the prefix would make browsers drop the cookie, so it is left off there.
/// </summary>
internal sealed class HostPrefixedCookieManager : ICookieManager
{
    public const string Prefix = "__Host-";

    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, NameFor(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, NameFor(context, key), value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, NameFor(context, key), options);

    private static string NameFor(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key : key;
}
