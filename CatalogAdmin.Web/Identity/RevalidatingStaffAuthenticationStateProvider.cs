using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CatalogAdmin.Web.Identity;

/// <summary>
/// A circuit's signed-in user. Checked against the account (exists, not locked, same security stamp) when the circuit
/// opens and every minute after; <see cref="EndSession"/> signs the circuit out at once when the account's access
/// changes (<see cref="OpenCircuits"/>). Signed out, the page's authorization fails and it goes to sign-in.
/// </summary>
internal sealed class RevalidatingStaffAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private static readonly AuthenticationState SignedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    /// <summary>Checks the account now (a circuit opening with a copied or outdated cookie); signs out if it fails.</summary>
    public async Task<bool> RevalidateNowAsync(CancellationToken cancellationToken)
    {
        var state = await GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        if (await ValidateAuthenticationStateAsync(state, cancellationToken))
        {
            return true;
        }

        EndSession();
        return false;
    }

    /// <summary>Why this circuit was signed out, if it was.</summary>
    public SessionEnd? Ended { get; private set; }

    /// <summary>Signs this circuit out: every request it sends is refused, and its page navigates to sign-in.</summary>
    public void EndSession(SessionEnd reason = SessionEnd.AccessChanged)
    {
        Ended = reason;
        SetAuthenticationState(Task.FromResult(SignedOut));
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null || await users.IsLockedOutAsync(user) || user.MustChangePassword)
        {
            return false;
        }

        var principalStamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}
