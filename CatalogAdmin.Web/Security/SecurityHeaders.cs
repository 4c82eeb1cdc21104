namespace CatalogAdmin.Web.Security;

/// <summary>
/// Response headers that keep the admin out of frames, stop MIME sniffing, leak no referrer, and allow
/// only our own scripts. MudBlazor sets inline styles, so styles allow 'unsafe-inline'; scripts do not. Connections
/// (Blazor's WebSocket included) go only to this origin: 'self' covers ws:/wss: to the same host.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        await next();
    });
}
