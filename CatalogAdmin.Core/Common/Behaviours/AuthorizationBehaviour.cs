using System.Reflection;
using CatalogAdmin.Core.Staff;
using MediatR;

namespace CatalogAdmin.Core.Common.Behaviours;

/// <summary>
/// Refuses a request the current user may not send, before validation and the handler run. This, not the UI, is the
/// authorization boundary: a circuit can send any request.
/// <list type="bullet">
/// <item>Deny by default: a request that declares no <see cref="RequiresPermissionAttribute"/> is refused.</item>
/// <item>The sender must be signed in, with a role that has the permission.</item>
/// <item>Before a command (<see cref="ICommand"/>) the account itself is asked, not only the claims the circuit
/// was opened with (one small query): a locked account, one whose role no longer allows it, or one that must still
/// replace a one-time password, is refused at once.</item>
/// </list>
/// </summary>
internal sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser user, IStaffDirectory staff) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        await RequestAuthorization.CheckAsync<TRequest>(user, staff, cancellationToken);
        return await next();
    }
}

/// <summary>The checks of <see cref="AuthorizationBehaviour{TRequest, TResponse}"/>, shared with the stream requests' guard.</summary>
internal static class RequestAuthorization
{
    public static async Task CheckAsync<TRequest>(ICurrentUser user, IStaffDirectory staff, CancellationToken cancellationToken)
    {
        var required = Declared<TRequest>.Permission;
        if (required is not { } permission)
        {
            throw new ForbiddenException($"{typeof(TRequest).Name} declares no permission, so nobody may send it.");
        }

        if (!user.IsAuthenticated)
        {
            throw new ForbiddenException("Please sign in to continue.");
        }

        if (!user.Allows(permission))
        {
            throw new ForbiddenException(Permissions.NotAllowedMessage(permission));
        }

        if (Declared<TRequest>.IsCommand)
        {
            var access = user.Id is { } id ? await staff.GetAccessAsync(id, cancellationToken) : null;
            if (access is not { IsActive: true })
            {
                throw new ForbiddenException("Your account is locked or no longer exists. Please sign in again.");
            }

            if (!Permissions.RoleAllows(access.Role, permission))
            {
                throw new ForbiddenException(Permissions.NotAllowedMessage(permission));
            }

            if (access.MustChangePassword)
            {
                throw new ForbiddenException("Choose a new password first: you signed in with a one-time password.");
            }
        }
    }

    private static class Declared<TRequest>
    {
        public static readonly Permission? Permission = typeof(TRequest).GetCustomAttribute<RequiresPermissionAttribute>()?.Permission;

        public static readonly bool IsCommand = typeof(ICommand).IsAssignableFrom(typeof(TRequest));
    }
}
