using System.Security.Claims;
using CatalogAdmin.Core;
using Microsoft.AspNetCore.Components.Authorization;

namespace CatalogAdmin.Web.Identity;

/// <summary>
/// The signed-in staff member as Core sees them: the circuit's authentication state (kept current by the
/// revalidating provider, so a removed role or a locked account stops working in open circuits), or the
/// HTTP request's user outside a circuit.
/// </summary>
internal sealed class CircuitCurrentUser(AuthenticationStateProvider authenticationState, IHttpContextAccessor httpContext) : ICurrentUser
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    public bool IsAuthenticated => User.Identity?.IsAuthenticated == true;

    public string? Name => IsAuthenticated ? User.Identity!.Name : null;

    public bool IsInRole(string role) => IsAuthenticated && User.IsInRole(role);

    private ClaimsPrincipal User
    {
        get
        {
            try
            {
                var state = authenticationState.GetAuthenticationStateAsync();
                if (state.IsCompletedSuccessfully)
                {
                    return state.Result.User;
                }
            }
            catch (InvalidOperationException)
            {
                // Not in a circuit: the provider was never given a state.
            }

            return httpContext.HttpContext?.User ?? Nobody;
        }
    }
}
