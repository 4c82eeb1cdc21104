using System.Security.Claims;
using CatalogAdmin.Core;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CatalogAdmin.Web.Identity;

/// <summary>
/// The signed-in staff member as Core sees them. Inside a circuit: the circuit's authentication state (kept current
/// by the revalidating provider), and nobody when it is missing, never the user the connection was opened with.
/// Outside a circuit (an HTTP endpoint, a statically rendered page): the request's user.
/// </summary>
internal sealed class CircuitCurrentUser(AuthenticationStateProvider authenticationState, IHttpContextAccessor httpContext, CircuitPresence circuit) : ICurrentUser
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    public bool IsAuthenticated => User.Identity?.IsAuthenticated == true;

    public string? Id => IsAuthenticated ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string? Name => IsAuthenticated ? User.Identity!.Name : null;

    public bool IsInRole(string role) => IsAuthenticated && User.IsInRole(role);

    private ClaimsPrincipal User => circuit.IsOpen ? CircuitUser() : httpContext.HttpContext?.User ?? Nobody;

    private ClaimsPrincipal CircuitUser()
    {
        try
        {
            var state = authenticationState.GetAuthenticationStateAsync();
            return state.IsCompletedSuccessfully ? state.Result.User : Nobody;
        }
        catch (InvalidOperationException)
        {
            return Nobody; // the circuit has no authentication state (yet): refuse rather than guess
        }
    }
}

/// <summary>Whether this DI scope is a circuit's: set by <see cref="CircuitPresenceTracker"/> when the circuit opens.</summary>
internal sealed class CircuitPresence
{
    public bool IsOpen { get; set; }
}

/// <summary>
/// Marks the circuit's scope as a circuit, for <see cref="CircuitCurrentUser"/>; adds the circuit to
/// <see cref="OpenCircuits"/> under its user, so a lock, a role change or a new password ends it at once; and checks
/// the account as the circuit opens, so a cookie that outlived its account's access opens nothing.
/// </summary>
internal sealed class CircuitPresenceTracker(CircuitPresence presence, AuthenticationStateProvider authentication, OpenCircuits openCircuits)
    : CircuitHandler, IDisposable
{
    private IDisposable? _registration;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.IsOpen = true;
        if (authentication is not RevalidatingStaffAuthenticationStateProvider staff
            || (await staff.GetAuthenticationStateAsync()).User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return;
        }

        // Registered before the check, so a change made while the check runs still reaches this circuit.
        _registration = openCircuits.Add(userId, reason =>
        {
            staff.EndSession(reason);
            return Task.CompletedTask;
        });
        await staff.RevalidateNowAsync(cancellationToken);
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _registration?.Dispose();
}
