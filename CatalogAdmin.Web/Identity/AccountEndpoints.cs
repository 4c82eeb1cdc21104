using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CatalogAdmin.Web.Identity;

internal static class AccountEndpoints
{
    public const string SignedOutPath = "~/Account/Login?SignedOut=true";

    /// <summary>
    /// Sign-out: a POST whose form is bound, so the antiforgery token is required (a form from another site is
    /// refused with 400 and changes nothing). It renews the account's security stamp, so a copied cookie stops
    /// working, and ends the account's open circuits (other tabs) at once.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async (
            [FromForm] SignOutForm form,
            HttpContext context,
            [FromServices] SignInManager<StaffUser> signInManager,
            [FromServices] UserManager<StaffUser> users,
            [FromServices] IStaffSessions sessions) =>
        {
            if (await users.GetUserAsync(context.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
                // Every tab of this account, this one included, goes to the sign-in page that says "You have signed out".
                sessions.EndSessionsOf(user.Id, SessionEnd.SignedOut);
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(SignedOutPath);
        });
        return endpoints;
    }

    /// <summary>The sign-out form's fields: none besides the antiforgery token, which binding a form makes required.</summary>
    internal sealed class SignOutForm
    {
        public string? Reason { get; set; }
    }
}
