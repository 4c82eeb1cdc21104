using System.Security.Claims;
using CatalogAdmin.Core;
using CatalogAdmin.Web.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;

namespace CatalogAdmin.Tests.Security;

/// <summary>
/// Inside a circuit Core's current user is the circuit's authentication state, kept current by revalidation: when it
/// is missing or was signed out, nobody is signed in, whoever opened the connection.
/// </summary>
public sealed class CircuitCurrentUserTests
{
    private static readonly ClaimsPrincipal ConnectionUser = Principal("admin-id", "admin@example.com", Roles.Admin);

    [Fact]
    public void In_a_circuit_whose_state_was_signed_out_nobody_is_signed_in_though_the_connection_was_an_admins()
    {
        var provider = new FakeAuthenticationStateProvider { State = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))) };

        var user = CurrentUser(provider, circuitOpen: true);

        Assert.False(user.IsAuthenticated);
        Assert.Null(user.Id);
        Assert.False(user.IsInRole(Roles.Admin));
        Assert.False(user.Allows(Permission.ViewCatalog));
    }

    [Fact]
    public void In_a_circuit_without_authentication_state_nobody_is_signed_in()
    {
        var provider = new FakeAuthenticationStateProvider { Throws = true };

        Assert.False(CurrentUser(provider, circuitOpen: true).IsAuthenticated);
    }

    [Fact]
    public void In_a_circuit_whose_state_is_still_loading_nobody_is_signed_in()
    {
        var provider = new FakeAuthenticationStateProvider { State = new TaskCompletionSource<AuthenticationState>().Task };

        Assert.False(CurrentUser(provider, circuitOpen: true).IsAuthenticated);
    }

    [Fact]
    public void In_a_circuit_the_circuits_user_counts_not_the_connections()
    {
        var provider = new FakeAuthenticationStateProvider { State = Task.FromResult(new AuthenticationState(Principal("viewer-id", "viewer@example.com", Roles.Viewer))) };

        var user = CurrentUser(provider, circuitOpen: true);

        Assert.Equal("viewer-id", user.Id);
        Assert.True(user.IsInRole(Roles.Viewer));
        Assert.False(user.IsInRole(Roles.Admin));
    }

    [Fact]
    public void Outside_a_circuit_the_requests_user_counts()
    {
        var user = CurrentUser(new FakeAuthenticationStateProvider { Throws = true }, circuitOpen: false);

        Assert.Equal("admin-id", user.Id);
        Assert.True(user.IsInRole(Roles.Admin));
    }

    private static CircuitCurrentUser CurrentUser(AuthenticationStateProvider provider, bool circuitOpen) =>
        new(provider, new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = ConnectionUser } }, new CircuitPresence { IsOpen = circuitOpen });

    private static ClaimsPrincipal Principal(string id, string name, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "Identity.Application"));

    private sealed class FakeAuthenticationStateProvider : AuthenticationStateProvider
    {
        public Task<AuthenticationState>? State { get; init; }

        public bool Throws { get; init; }

        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Throws ? throw new InvalidOperationException("GetAuthenticationStateAsync was called before SetAuthenticationState.") : State!;
    }
}
