using CatalogAdmin.Web.Identity;

namespace CatalogAdmin.Web.Security;

/// <summary>
/// Two rules after authentication, before any endpoint:
/// <list type="bullet">
/// <item>Only signed-in staff open circuits: anything under /_blazor (negotiate, the hub) from anyone else gets 401,
/// so an anonymous visitor holds no server memory (the pages they may see render statically).</item>
/// <item>An account that signed in with a one-time password goes to Change password, and gets nothing else (no page,
/// no circuit) until it chose its own.</item>
/// </list>
/// </summary>
internal static class AccessGate
{
    public const string ChangePasswordPath = "/Account/ChangePassword";

    public static IApplicationBuilder UseAccessGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        var path = context.Request.Path;
        if (user.Identity?.IsAuthenticated == true && StaffClaimsPrincipalFactory.MustChangePassword(user) && !AllowedBeforePasswordChange(path))
        {
            if (HttpMethods.IsGet(context.Request.Method) && !path.StartsWithSegments("/_blazor"))
            {
                context.Response.Redirect(ChangePasswordPath);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("Choose a new password first.");
            }

            return;
        }

        if (path.StartsWithSegments("/_blazor") && user.Identity?.IsAuthenticated != true)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("Sign in first.");
            return;
        }

        await next(context);
    });

    private static bool AllowedBeforePasswordChange(PathString path) =>
        path.StartsWithSegments(ChangePasswordPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/Account/Logout", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/Account/Login", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/health")
        || (Path.HasExtension(path.Value) && !path.StartsWithSegments("/_blazor")); // styles, scripts, icons
}
